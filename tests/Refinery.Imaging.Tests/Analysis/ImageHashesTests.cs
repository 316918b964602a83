using OpenCvSharp;
using Refinery.Imaging.Analysis;

namespace Refinery.Imaging.Tests.Analysis;

public sealed class ImageHashesTests
{
    [Fact]
    public void Identical_pixels_give_identical_hashes()
    {
        using var image = TestImages.Scene(640, 480);
        var first = TestImages.Analyse(TestImages.Png(image));
        using var copy = DecodeOrThrow(TestImages.Png(image));
        var second = TestImages.Analyse(TestImages.Png(copy));

        Assert.Equal(first.ExactHash, second.ExactHash);
        Assert.Equal(first.PerceptualHash, second.PerceptualHash);
    }

    [Fact]
    public void A_jpeg_reencoding_changes_the_exact_hash_but_keeps_the_phash_within_two_bits()
    {
        using var image = TestImages.Scene(1500, 1000);
        var original = TestImages.Analyse(TestImages.Jpeg(image, 95));
        using var decoded = DecodeOrThrow(TestImages.Jpeg(image, 95));
        var reencoded = TestImages.Analyse(TestImages.Jpeg(decoded, 90));

        Assert.NotEqual(original.ExactHash, reencoded.ExactHash);
        Assert.InRange(ImageHashes.HammingDistance(original.PerceptualHash, reencoded.PerceptualHash), 0, 2);
    }

    [Fact]
    public void Different_scenes_have_distant_phashes()
    {
        using var scene = TestImages.Scene(640, 480);
        using var checkerboard = TestImages.Checkerboard(640, 480, 40);

        var distance = ImageHashes.HammingDistance(TestImages.Analyse(scene).PerceptualHash, TestImages.Analyse(checkerboard).PerceptualHash);

        Assert.True(distance > 10, $"Hamming distance {distance}");
    }

    [Fact]
    public void The_exact_hash_includes_the_shape()
    {
        using var wide = TestImages.UniformGrey(40, 10, 7);
        using var tall = TestImages.UniformGrey(10, 40, 7);

        Assert.NotEqual(ImageHashes.Exact(wide), ImageHashes.Exact(tall));
    }

    [Fact]
    public void Hex_form_is_sixteen_zero_padded_digits_and_round_trips()
    {
        Assert.Equal("00000000000000ff", ImageHashes.ToHex(255));
        Assert.Equal(0xfedcba9876543210UL, ImageHashes.FromHex(ImageHashes.ToHex(0xfedcba9876543210UL)));
    }

    private static Mat DecodeOrThrow(byte[] encoded)
    {
        var mat = Cv2.ImDecode(encoded, ImreadModes.Unchanged);
        return mat.Empty() ? throw new InvalidOperationException("did not decode") : mat;
    }
}
