using OpenCvSharp;

namespace Refinery.Imaging;

/// <summary>
/// Decodes image bytes with OpenCV, and only after the header has said what OpenCV does not check first: that the
/// format is one whose header Refinery reads, the size it declares, unambiguously, within the limits, the framing
/// whole (OpenCV half-decodes truncated files), and the bytes the pixels need reserved in the process's
/// <see cref="DecodeMemoryBudget"/>. Anything else (Radiance HDR, PxM, a header without a size) is refused unread.
/// Failure is a reason, never an exception, because a bad file is a per-sample outcome. Thread-safe.
/// </summary>
public sealed class ImageDecoder(ImageDecodeLimits limits, DecodeMemoryBudget budget)
{
    public ImageDecodeLimits Limits { get; } = limits;

    public DecodeMemoryBudget Budget { get; } = budget;

    /// <summary>A decoder with at most <paramref name="maxPixels"/> pixels — never more than this one allows — sharing its budget.</summary>
    public ImageDecoder WithMaxPixels(long maxPixels) =>
        new(Limits with { MaxPixels = Math.Min(maxPixels, Limits.MaxPixels) }, Budget);

    /// <summary>Decodes image bytes into pixels the caller owns; disposing them gives their bytes back to the budget.</summary>
    /// <param name="data">The whole encoded file.</param>
    /// <param name="mode">Unchanged keeps channel count and bit depth; the Reduced modes decode at 1/2, 1/4 or 1/8 size.</param>
    /// <param name="cancellationToken">Ends a wait for room in the budget.</param>
    /// <returns>The pixels, or why the bytes are not a usable image, as a phrase ("the PNG data ends before …").</returns>
    public ValueTask<(DecodedImage? Image, string? Failure)> DecodeAsync(
        ReadOnlyMemory<byte> data, ImreadModes mode, CancellationToken cancellationToken) =>
        DecodeAsync(data, mode, alongsideBytes: 0, cancellationToken);

    /// <summary>
    /// Decodes as <see cref="DecodeAsync(ReadOnlyMemory{byte}, ImreadModes, CancellationToken)"/> does, reserving
    /// <paramref name="alongsideBytes"/> more with the pixels' footprint, for work the caller does on the pixels: a
    /// caller that reserved those bytes only once it held the pixels could wait forever on others doing the same.
    /// They are given back with the pixels'.
    /// </summary>
    public async ValueTask<(DecodedImage? Image, string? Failure)> DecodeAsync(
        ReadOnlyMemory<byte> data, ImreadModes mode, long alongsideBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alongsideBytes);
        var (plan, refusal) = Plan(data.Span, mode);
        if (plan is null)
        {
            return (null, refusal);
        }

        var needed = plan.FootprintBytes + alongsideBytes;
        if (needed > Budget.Capacity)
        {
            return (null, $"decoding its {plan.Dimensions} pixels takes {plan.FootprintBytes} bytes and the work on them {alongsideBytes} more, more than the server's whole decode memory budget of {Budget.Capacity} bytes");
        }

        var reservation = await Budget.ReserveAsync(needed, cancellationToken);
        try
        {
            var (pixels, failure) = Decode(data.Span, mode, plan);
            if (pixels is null)
            {
                return (null, failure);
            }

            var image = new DecodedImage(pixels, plan.Format, plan.Structure.Channels, reservation);
            reservation = null;
            return (image, null);
        }
        finally
        {
            reservation?.Dispose();
        }
    }

    /// <summary>
    /// What decoding the bytes in <paramref name="mode"/> would produce and cost, or why they must not be decoded.
    /// Reads headers only: no pixel is decoded and nothing is reserved.
    /// </summary>
    public (DecodePlan? Plan, string? Refusal) Plan(ReadOnlySpan<byte> data, ImreadModes mode)
    {
        if (data.IsEmpty)
        {
            return (null, "the file is empty (0 bytes)");
        }

        if (data.Length > Limits.MaxBytes)
        {
            return (null, $"the file is {data.Length} bytes, over the limit of {Limits.MaxBytes} bytes");
        }

        var (format, structure) = Inspect(data);
        if (format == ImageFormat.Unknown)
        {
            return (null, "it is not in an image format Refinery decodes (JPEG, PNG, BMP, GIF, WebP or TIFF, told by their leading bytes)");
        }

        if (structure.Damage is not null)
        {
            return (null, structure.Damage);
        }

        if (structure.Dimensions is not { } dimensions || structure.Layout is not { } layout)
        {
            return (null, $"its {format} header does not say its size and pixel layout, and it is not decoded without them");
        }

        if (dimensions.Width <= 0 || dimensions.Height <= 0)
        {
            return (null, $"its header declares an empty {dimensions} image");
        }

        if (dimensions.Pixels > Limits.MaxPixels)
        {
            return (null, $"it is {dimensions} ({dimensions.Pixels} pixels), over the limit of {Limits.MaxPixels} pixels");
        }

        var footprint = DecodeFootprint.Estimate(format, dimensions, layout, mode);
        return footprint > Budget.Capacity
            ? (null, $"decoding its {dimensions} pixels takes {footprint} bytes, more than the server's whole decode memory budget of {Budget.Capacity} bytes")
            : (new DecodePlan(format, structure, dimensions, footprint), null);
    }

    /// <summary>The real format, dimensions and framing of the bytes, without decoding pixels.</summary>
    public static (ImageFormat Format, ImageStructure Structure) Inspect(ReadOnlySpan<byte> data)
    {
        var format = ImageFormatSniffer.Sniff(data);
        return (format, ImageStructureReader.Read(data, format));
    }

    private static (Mat? Pixels, string? Failure) Decode(ReadOnlySpan<byte> data, ImreadModes mode, DecodePlan plan)
    {
        Mat? pixels = null;
        string? failure = null;
        try
        {
            pixels = Cv2.ImDecode(data, mode);
        }
        catch (OpenCVException exception)
        {
            failure = $"OpenCV cannot decode it ({exception.ErrMsg})";
        }
        catch (OpenCvSharpException exception)
        {
            failure = $"OpenCV cannot decode it ({exception.Message})";
        }

        if (pixels is null || pixels.Empty())
        {
            pixels?.Dispose();
            return (null, failure ?? $"OpenCV cannot decode its {plan.Format} data");
        }

        // A header read otherwise than the codec reads it would leave the checks above measuring another image.
        if ((long)pixels.Width * pixels.Height > plan.Dimensions.Pixels)
        {
            var decoded = new ImageDimensions(pixels.Width, pixels.Height);
            pixels.Dispose();
            return (null, $"its {plan.Format} header declares {plan.Dimensions} but it decodes to {decoded}");
        }

        return (pixels, null);
    }
}
