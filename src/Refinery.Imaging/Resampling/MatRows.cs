using OpenCvSharp;

namespace Refinery.Imaging.Resampling;

/// <summary>The rows of a continuous 8-bit Mat as stored, any channel count (decoded images are continuous).</summary>
public readonly struct MatRows : IRowSource
{
    private readonly Mat _image;
    private readonly int _rowBytes;

    public MatRows(Mat image)
    {
        if (image.Depth() != MatType.CV_8U || !image.IsContinuous())
        {
            throw new ArgumentException($"Resampling reads continuous 8-bit images; this one has depth {image.Depth()}, continuous {image.IsContinuous()}.", nameof(image));
        }

        _image = image;
        _rowBytes = image.Cols * image.Channels();
    }

    public int Width => _image.Cols;

    public int Height => _image.Rows;

    public int Channels => _image.Channels();

    public ReadOnlySpan<byte> Row(int y, Span<byte> scratch) => _image.AsSpan<byte>().Slice(y * _rowBytes, _rowBytes);
}
