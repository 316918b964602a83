using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Imaging.Resampling;
using Refinery.Imaging.Tests.Analysis;

namespace Refinery.Imaging.Tests.Resampling;

public sealed class PillowResamplerProperties
{
    public sealed record Case(int Width, int Height, int Channels, int NewWidth, int NewHeight, string Filter, byte[] Pixels);

    // Small sources with reductions up to ~60× (many taps, the vectorised blocks) and enlargements up to ~70×.
    private static readonly Gen<Case> _cases =
        from width in Gen.Choose(1, 120)
        from height in Gen.Choose(1, 60)
        from channels in Gen.Elements(1, 3, 4)
        from newWidth in Gen.Choose(1, 70)
        from newHeight in Gen.Choose(1, 70)
        from filter in Gen.Elements("BICUBIC", "LANCZOS")
        from pixels in Gen.ArrayOf(Gen.Choose(0, 255).Select(value => (byte)value), width * height * channels)
        select new Case(width, height, channels, newWidth, newHeight, filter, pixels);

    [Property(MaxTest = 300)]
    public Property The_resampler_equals_the_straightforward_definition() =>
        Prop.ForAll(_cases.ToArbitrary(), c =>
        {
            using var source = TestImages.FromPixels(c.Pixels, c.Width, c.Height, c.Channels);
            using var resized = PillowResampler.Resize(source, c.NewWidth, c.NewHeight, Filter(c.Filter));

            var expected = StraightforwardResampler.Resize(c.Pixels, c.Width, c.Height, c.Channels, c.NewWidth, c.NewHeight, c.Filter);
            return expected.AsSpan().SequenceEqual(resized.AsSpan<byte>());
        });

    [Property(MaxTest = 200)]
    public Property Resizing_the_luma_rows_equals_converting_to_luma_then_resizing() =>
        Prop.ForAll(_cases.Where(c => c.Channels != 1).ToArbitrary(), c =>
        {
            using var source = TestImages.FromPixels(c.Pixels, c.Width, c.Height, c.Channels);
            var luma = new byte[c.Width * c.Height];
            PillowLuma.ConvertRow(c.Pixels, c.Channels, luma);

            using var resized = PillowResampler.ResizeLuma(source, c.NewWidth, c.NewHeight, Filter(c.Filter));

            var expected = StraightforwardResampler.Resize(luma, c.Width, c.Height, 1, c.NewWidth, c.NewHeight, c.Filter);
            return expected.AsSpan().SequenceEqual(resized.AsSpan<byte>());
        });

    [Property(MaxTest = 300)]
    public bool Each_plane_of_a_split_row_holds_its_channel_in_pixel_order(byte[] bytes, byte channelChoice)
    {
        var channels = (channelChoice % 4) + 1;
        var row = TestImages.WholePixels(bytes, channels);
        var width = row.Length / channels;
        var stride = width + 16;
        var planes = new byte[stride * channels];

        PlanarRows.Split(row, channels, planes, stride);

        return Enumerable.Range(0, width).All(x => Enumerable.Range(0, channels).All(c => planes[(c * stride) + x] == row[(x * channels) + c]));
    }

    [Fact]
    public void Luma_is_Pillows_fixed_point_bt601()
    {
        Assert.Equal(255, PillowLuma.Of(255, 255, 255));
        Assert.Equal(0, PillowLuma.Of(0, 0, 0));
        // (w·255 + 0x8000) >> 16 for each weight: 19595 → 76, 38470 → 150, 7471 → 29.
        Assert.Equal(76, PillowLuma.Of(255, 0, 0));
        Assert.Equal(150, PillowLuma.Of(0, 255, 0));
        Assert.Equal(29, PillowLuma.Of(0, 0, 255));
    }

    private static ResamplingFilter Filter(string name) => name == "LANCZOS" ? ResamplingFilter.Lanczos : ResamplingFilter.Bicubic;
}
