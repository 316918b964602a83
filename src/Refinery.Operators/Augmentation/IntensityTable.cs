using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>A 256-entry map of 8-bit intensities applied with one table lookup per channel value.</summary>
public static class IntensityTable
{
    public static Mat Apply(Mat image, Func<double, double> map)
    {
        using var table = new Mat(1, 256, MatType.CV_8UC1);
        for (var value = 0; value < 256; value++)
        {
            table.Set(0, value, (byte)Math.Clamp(Math.Round(map(value)), 0, 255));
        }

        var output = new Mat();
        Cv2.LUT(image, table, output);
        return output;
    }
}
