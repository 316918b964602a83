using FsCheck;
using FsCheck.Fluent;
using OpenCvSharp;

namespace Refinery.Imaging.Tests.Analysis;

/// <summary>A random 8-bit image for the kernels' properties: grey or BGR, row-major pixels.</summary>
public sealed record PixelCase(int Width, int Height, int Channels, byte[] Pixels)
{
    /// <summary>
    /// Images up to <paramref name="maxWidth"/> × <paramref name="maxHeight"/>, one-pixel rows and columns included.
    /// Full-range bytes spread the values; a few levels make long runs of equal pixels and ties.
    /// </summary>
    public static Gen<PixelCase> Generate(int maxWidth, int maxHeight) =>
        from width in Gen.Choose(1, maxWidth)
        from height in Gen.Choose(1, maxHeight)
        from channels in Gen.Elements(1, 3)
        from levels in Gen.Elements<byte[]>([0, 1, 254, 255], [17, 18, 19, 200], [.. Enumerable.Range(0, 256).Select(level => (byte)level)])
        from pixels in Gen.ArrayOf(Gen.Elements(levels), width * height * channels)
        select new PixelCase(width, height, channels, pixels);

    public Mat ToMat() => TestImages.FromPixels(Pixels, Width, Height, Channels);
}
