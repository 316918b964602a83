using OpenCvSharp;

namespace Refinery.Imaging;

/// <summary>Decoded pixels (OpenCV's BGR/BGRA/gray order) with the format the bytes were in; owns and disposes the Mat.</summary>
public sealed class DecodedImage(Mat pixels, ImageFormat format) : IDisposable
{
    public Mat Pixels { get; } = pixels;

    public ImageFormat Format { get; } = format;

    public int Width => Pixels.Width;

    public int Height => Pixels.Height;

    public int Channels => Pixels.Channels();

    public void Dispose() => Pixels.Dispose();
}
