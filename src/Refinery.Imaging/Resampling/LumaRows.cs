using OpenCvSharp;

namespace Refinery.Imaging.Resampling;

/// <summary>
/// The rows of an 8-bit BGR, BGRA or grey Mat as Pillow's <c>convert("L")</c> would give them, converted one row at a
/// time: <c>image.convert("L").resize(…)</c> without a full-resolution grey copy.
/// </summary>
public readonly struct LumaRows(Mat image) : IRowSource
{
    private readonly MatRows _rows = new(image);

    public int Width => _rows.Width;

    public int Height => _rows.Height;

    public int Channels => 1;

    public ReadOnlySpan<byte> Row(int y, Span<byte> scratch)
    {
        var row = _rows.Row(y, default);
        if (_rows.Channels == 1)
        {
            return row;
        }

        var luma = scratch[..Width];
        PillowLuma.ConvertRow(row, _rows.Channels, luma);
        return luma;
    }
}
