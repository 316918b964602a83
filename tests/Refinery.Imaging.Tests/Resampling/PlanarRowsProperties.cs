using FsCheck.Xunit;
using Refinery.Imaging.Resampling;

namespace Refinery.Imaging.Tests.Resampling;

public sealed class PlanarRowsProperties
{
    [Property(MaxTest = 300)]
    public bool Each_plane_holds_its_channel_in_pixel_order(byte[] bytes, byte channelChoice)
    {
        var channels = (channelChoice % 4) + 1;
        var row = bytes[..(bytes.Length / channels * channels)];
        var width = row.Length / channels;
        var stride = width + 16;
        var planes = new byte[stride * channels];

        PlanarRows.Split(row, channels, planes, stride);

        return Enumerable.Range(0, width).All(x => Enumerable.Range(0, channels).All(c => planes[(c * stride) + x] == row[(x * channels) + c]));
    }
}
