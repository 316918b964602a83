using OpenCvSharp;

namespace Refinery.Imaging;

/// <summary>Decoded pixels (OpenCV's BGR/BGRA/gray order) with the format the bytes were in; owns and disposes the Mat.</summary>
public sealed class DecodedImage(Mat pixels, ImageFormat format, int? storedChannels = null) : IDisposable
{
    public Mat Pixels { get; } = pixels;

    public ImageFormat Format { get; } = format;

    public int Width => Pixels.Width;

    public int Height => Pixels.Height;

    public int Channels => Pixels.Channels();

    /// <summary>The channels the file stores, which can be fewer than <see cref="Channels"/> (gray+alpha PNG decodes as BGRA).</summary>
    public int StoredChannels { get; } = storedChannels ?? pixels.Channels();

    public void Dispose() => Pixels.Dispose();
}
