using OpenCvSharp;
using Refinery.Imaging;

namespace Refinery.TestSupport;

/// <summary>Decoders for tests, each with a budget of its own that the images a test makes never fill.</summary>
public static class TestDecoders
{
    private const long RoomyBudgetBytes = 4L * 1024 * 1024 * 1024;

    public static ImageDecoder Create(ImageDecodeLimits? limits = null) =>
        new(limits ?? ImageDecodeLimits.Default, new DecodeMemoryBudget(RoomyBudgetBytes));

    /// <summary>
    /// Decodes without awaiting: with room in the budget nothing waits, so the decode is complete when it returns.
    /// Throws when the bytes do not decode.
    /// </summary>
    public static DecodedImage Decode(byte[] encoded, ImreadModes mode = ImreadModes.Unchanged)
    {
        var decoding = Create().DecodeAsync(encoded, mode, CancellationToken.None);
        if (!decoding.IsCompleted)
        {
            throw new InvalidOperationException("a decode with room in its budget waited");
        }

        var (image, failure) = decoding.Result;
        return image ?? throw new InvalidOperationException($"test image did not decode: {failure}");
    }
}
