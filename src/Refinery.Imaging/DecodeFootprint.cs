using OpenCvSharp;

namespace Refinery.Imaging;

/// <summary>
/// The bytes a decode holds at its peak, from the header alone: width × height × channels × bytes per channel for
/// the mode asked for, with what the codec keeps beside the pixels while it works.
/// </summary>
public static class DecodeFootprint
{
    /// <param name="format">The format the bytes are in.</param>
    /// <param name="dimensions">The size the header declares.</param>
    /// <param name="layout">How an unchanged decode of the file lays out a pixel.</param>
    /// <param name="mode">The mode the caller decodes in.</param>
    public static long Estimate(ImageFormat format, ImageDimensions dimensions, PixelLayout layout, ImreadModes mode)
    {
        var (bytesPerPixel, scale) = mode switch
        {
            ImreadModes.Grayscale => (1, 1),
            ImreadModes.Color => (3, 1),
            ImreadModes.ReducedGrayscale2 => (1, 2),
            ImreadModes.ReducedColor2 => (3, 2),
            ImreadModes.ReducedGrayscale4 => (1, 4),
            ImreadModes.ReducedColor4 => (3, 4),
            ImreadModes.ReducedGrayscale8 => (1, 8),
            ImreadModes.ReducedColor8 => (3, 8),

            // Unchanged, and any mix of the any-depth/any-colour flags, can keep whatever the file stores.
            _ => (Math.Max(layout.BytesPerPixel, 3), 1),
        };

        var full = dimensions.Pixels * bytesPerPixel;
        var reduced = Scaled(dimensions.Width, scale) * Scaled(dimensions.Height, scale) * bytesPerPixel;

        // libjpeg scales while decoding; every other codec decodes in full and OpenCV shrinks the result.
        var decoded = scale == 1 ? full : format == ImageFormat.Jpeg ? reduced : full + reduced;

        // libtiff reads through a strip buffer that can be as large as the image, and the GIF codec through an index
        // buffer and a canvas beside the output.
        return format is ImageFormat.Tiff or ImageFormat.Gif ? decoded * 2 : decoded;
    }

    private static long Scaled(int side, int scale) => (side + scale - 1) / scale;
}
