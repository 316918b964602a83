using FsCheck.Xunit;
using Refinery.Imaging.Resampling;
using Refinery.Imaging.Tests.Analysis;

namespace Refinery.Imaging.Tests.Resampling;

public sealed class PillowLumaProperties
{
    [Property(MaxTest = 300)]
    public bool A_converted_row_is_the_luma_of_each_pixel(byte[] bytes, bool withAlpha)
    {
        var channels = withAlpha ? 4 : 3;
        var row = TestImages.WholePixels(bytes, channels);
        var luma = new byte[row.Length / channels];

        PillowLuma.ConvertRow(row, channels, luma);

        return luma.Select((value, x) => value == PillowLuma.Of(row[(x * channels) + 2], row[(x * channels) + 1], row[x * channels])).All(equal => equal);
    }
}
