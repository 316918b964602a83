using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenCvSharp;

namespace Refinery.Imaging.Tests;

/// <summary>The encoded-size bound against real encodings of noise, the picture that compresses least.</summary>
public sealed class EncodeFootprintTests
{
    [Property(MaxTest = 30)]
    public Property No_noise_image_encodes_larger_than_the_bound_in_any_format_written(int seed, PositiveInt width, PositiveInt height, bool gray)
    {
        var (w, h) = (1 + (width.Get % 300), 1 + (height.Get % 300));
        var channels = gray ? 1 : 3;
        using var image = Noise(seed, w, h, channels);
        var bound = EncodeFootprint.EncodedBound(new ImageDimensions(w, h), channels);

        var largest = new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp }.Max(format => ImageEncoder.Encode(image, format).Length);
        var highestQuality = ImageEncoder.Encode(image, ImageFormat.Jpeg, jpegQuality: 100).Length;

        return (Math.Max(largest, highestQuality) <= bound).Label($"{w}x{h}x{channels}: {Math.Max(largest, highestQuality)} > {bound}");
    }

    private static Mat Noise(int seed, int width, int height, int channels)
    {
        var image = new Mat(height, width, MatType.MakeType(MatType.CV_8U, channels));
        var bytes = new byte[width * height * channels];
        new Random(seed).NextBytes(bytes);
        bytes.CopyTo(image.AsSpan<byte>());
        return image;
    }
}
