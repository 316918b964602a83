namespace Refinery.Imaging;

/// <summary>
/// The bytes <see cref="ImageEncoder.Encode"/> holds at its peak for 8-bit pixels (which it encodes without a
/// converted copy), beside the pixels themselves: the encoded file three times over, plus the codec's own state.
/// </summary>
public static class EncodeFootprint
{
    // libjpeg and libpng keep a few input rows (libjpeg an iMCU row of 16, twice over for 4:2:0 downsampling with
    // context); zlib's deflate state is 256 KiB at OpenCV's settings, the JPEG tables and PNG chunks a few KiB.
    private const int CodecRows = 64;
    private const long CodecStateBytes = 1024 * 1024;

    /// <summary>
    /// An upper bound of the encoded size. PNG stores incompressible rows in stored deflate blocks: the raw samples plus
    /// one filter byte per row, zlib's worst case (deflateBound: + 1/8 + 1/64 at non-default settings) and 12 bytes
    /// of chunk per 8 KiB, under 5/4 of that. JPEG at quality 95 writes white noise, the least compressible picture,
    /// at 0.40 of the raw samples (0.66 at quality 100), with about 600 bytes of headers and tables.
    /// </summary>
    public static long EncodedBound(ImageDimensions dimensions, int channels) =>
        ((dimensions.Pixels * channels) + dimensions.Height) * 5 / 4 + (64 * 1024);

    /// <summary>
    /// OpenCV encodes into a growing native vector, which doubles: while it grows, the old block and the new one
    /// (up to twice the content) are both alive; at the end OpenCvSharp copies the vector (capacity up to twice the
    /// content) into the managed array. Either way three encoded files at most.
    /// </summary>
    public static long Estimate(ImageDimensions dimensions, int channels) =>
        (3 * EncodedBound(dimensions, channels)) + ((long)CodecRows * dimensions.Width * channels) + CodecStateBytes;
}
