namespace Refinery.Imaging.Tests.Resampling;

/// <summary>
/// Pillow's 8-bit resize written the slow, obvious way from its definition, to check the pooled and vectorised
/// resampler against: weights in double precision per output pixel, normalised, rounded to 22-bit fixed point; a
/// horizontal pass over every row rounded and clipped to 8 bits; then a vertical pass.
/// </summary>
public static class StraightforwardResampler
{
    public static byte[] Resize(byte[] source, int width, int height, int channels, int newWidth, int newHeight, string filter)
    {
        if (newWidth == width && newHeight == height)
        {
            return (byte[])source.Clone();
        }

        var rows = source;
        if (newWidth != width)
        {
            var weights = AxisWeights(width, newWidth, filter);
            rows = new byte[newWidth * height * channels];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < newWidth; x++)
                {
                    for (var c = 0; c < channels; c++)
                    {
                        var sum = 1 << 21;
                        foreach (var (index, weight) in weights[x])
                        {
                            sum += source[(((y * width) + index) * channels) + c] * weight;
                        }

                        rows[(((y * newWidth) + x) * channels) + c] = Clip(sum);
                    }
                }
            }
        }

        if (newHeight == height)
        {
            return rows;
        }

        var vertical = AxisWeights(height, newHeight, filter);
        var result = new byte[newWidth * newHeight * channels];
        for (var y = 0; y < newHeight; y++)
        {
            for (var x = 0; x < newWidth * channels; x++)
            {
                var sum = 1 << 21;
                foreach (var (index, weight) in vertical[y])
                {
                    sum += rows[(index * newWidth * channels) + x] * weight;
                }

                result[(y * newWidth * channels) + x] = Clip(sum);
            }
        }

        return result;
    }

    private static List<(int Index, int Weight)>[] AxisWeights(int inSize, int outSize, string filter)
    {
        var support = filter == "LANCZOS" ? 3.0 : 2.0;
        var scale = (double)inSize / outSize;
        var widening = Math.Max(1.0, scale);
        var result = new List<(int, int)>[outSize];
        for (var i = 0; i < outSize; i++)
        {
            var center = (i + 0.5) * scale;
            var first = Math.Max(0, (int)(center - (support * widening) + 0.5));
            var end = Math.Min(inSize, (int)(center + (support * widening) + 0.5));
            var raw = Enumerable.Range(first, end - first).Select(index => Kernel(filter, (index - center + 0.5) / widening)).ToArray();
            var total = raw.Sum();
            result[i] = [.. raw.Select((weight, tap) => (first + tap, FixedPoint(total != 0 ? weight / total : weight)))];
        }

        return result;
    }

    private static double Kernel(string filter, double x)
    {
        if (filter == "LANCZOS")
        {
            return x is >= -3 and < 3 ? Sinc(x) * Sinc(x / 3) : 0;
        }

        x = Math.Abs(x);
        return x < 1 ? (((1.5 * x) - 2.5) * x * x) + 1 : x < 2 ? ((((x - 5) * x) + 8) * x - 4) * -0.5 : 0;
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(x * Math.PI) / (x * Math.PI);

    private static int FixedPoint(double weight) => (int)(weight * (1 << 22) + (weight < 0 ? -0.5 : 0.5));

    private static byte Clip(int sum) => (byte)Math.Clamp(sum >> 22, 0, 255);
}
