using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>Every operator works on 8-bit, 3-channel BGR; this brings gray and BGRA decodes to it.</summary>
public static class BgrImage
{
    /// <summary>A converted copy, or null when <paramref name="image"/> is already 8-bit BGR.</summary>
    public static Mat? From(Mat image)
    {
        if (image.Type() == MatType.CV_8UC3)
        {
            return null;
        }

        var eight = image.Depth() == MatType.CV_8U ? image : Convert8Bit(image);
        var output = new Mat();
        switch (eight.Channels())
        {
            case 1:
                Cv2.CvtColor(eight, output, ColorConversionCodes.GRAY2BGR);
                break;
            case 4:
                Cv2.CvtColor(eight, output, ColorConversionCodes.BGRA2BGR);
                break;
            default:
                eight.CopyTo(output);
                break;
        }

        if (!ReferenceEquals(eight, image))
        {
            eight.Dispose();
        }

        return output;
    }

    private static Mat Convert8Bit(Mat image)
    {
        var output = new Mat();
        var scale = image.Depth() == MatType.CV_16U ? 1.0 / 257 : 1.0;
        image.ConvertTo(output, MatType.MakeType(MatType.CV_8U, image.Channels()), scale);
        return output;
    }
}
