namespace Refinery.Imaging;

/// <summary>How large an image the decoder accepts, so one hostile file cannot exhaust a worker's memory.</summary>
/// <param name="MaxPixels">Width × height; 100 megapixels by default.</param>
/// <param name="MaxBytes">Size of the encoded file; 256 MiB by default.</param>
public sealed record ImageDecodeLimits(long MaxPixels = ImageDecodeLimits.DefaultMaxPixels, long MaxBytes = ImageDecodeLimits.DefaultMaxBytes)
{
    public const long DefaultMaxPixels = 100_000_000;
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    public static ImageDecodeLimits Default { get; } = new();
}
