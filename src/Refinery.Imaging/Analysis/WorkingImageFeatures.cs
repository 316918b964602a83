using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using OpenCvSharp;

namespace Refinery.Imaging.Analysis;

/// <summary>
/// Saturation, colourfulness and clarity of the working image in one integer pass over its pixels, without a float
/// copy, an HSV image or a grey Mat: per pixel OpenCV's 8-bit BGR2HSV saturation (its 12-bit fixed-point division
/// table), the opponent channels rg = R−G and 2·yb = R+G−2B, and OpenCV's 8-bit BGR2GRAY grey value (15-bit fixed
/// point) into a pooled row buffer; then the 3×3 Laplacian of that grey image. Every sum and sum of squares is an
/// integer, and mean and variance are formed from them in the order <c>cv::mean</c> and <c>cv::meanStdDev</c> use, so
/// the values are OpenCV's to the last bit (their tests compare them with the OpenCV definitions bit for bit).
/// </summary>
public static class WorkingImageFeatures
{
    private const int HsvShift = 12;
    // OpenCV's RGB2Gray<uchar>: BT.601 weights in 15-bit fixed point (RY15, GY15, BY15), rounded.
    private const int GreyShift = 15;
    private const int GreyBlue = 3735;
    private const int GreyGreen = 19235;
    private const int GreyRed = 9798;
    private const int Lanes = 8;

    // Steps summed in 32-bit lanes before the lanes are added to 64-bit totals, so that no lane overflows: the largest
    // square of an opponent value is (2·255)², of a Laplacian (4·255)².
    private const int ColourStepsPerFlush = 8192;
    private const int LaplacianStepsPerFlush = 2048;

    // OpenCV's sdiv_table: saturate_cast<int>((255 << 12) / (1.0·v)), which rounds to nearest.
    private static readonly int[] _saturationDivisors = [0, .. Enumerable.Range(1, 255).Select(v => (int)Math.Round((255 << HsvShift) / (double)v))];

    /// <summary>Saturation, clarity and colourfulness of a working image (8-bit BGR or grey; grey has no saturation or colourfulness).</summary>
    public static WorkingImageValues Measure(Mat working)
    {
        var channels = working.Channels();
        if (working.Depth() != MatType.CV_8U || channels is not (1 or 3))
        {
            throw new ArgumentException($"Working-image features read 8-bit BGR or grey pixels; these have depth {working.Depth()} and {channels} channels.", nameof(working));
        }

        using var continuous = working.IsContinuous() ? null : working.Clone();
        var pixels = (continuous ?? working).AsSpan<byte>();
        int width = working.Cols, height = working.Rows;
        if (channels == 1)
        {
            return new WorkingImageValues(0, LaplacianVariance(pixels, width, height), 0);
        }

        var grey = ArrayPool<byte>.Shared.Rent(width * height);
        try
        {
            var sums = ColourSums.Zero;
            for (var y = 0; y < height; y++)
            {
                sums += ColourRow(pixels.Slice(y * width * 3, width * 3), grey.AsSpan(y * width, width));
            }

            var scale = 1.0 / ((long)width * height);
            var (rgMean, rgVariance) = MeanAndVariance(sums.Rg, sums.RgSquares, scale);
            // yb = ½·(2·yb): halving and quartering the exact sums is exact, so these are the sums of yb and yb².
            var (ybMean, ybVariance) = MeanAndVariance(sums.TwiceYb * 0.5, sums.TwiceYbSquares * 0.25, scale);
            var colourfulness = Math.Sqrt(rgVariance + ybVariance) + (0.3 * Math.Sqrt((rgMean * rgMean) + (ybMean * ybMean)));
            return new WorkingImageValues(
                sums.Saturation * scale,
                LaplacianVariance(grey.AsSpan(0, width * height), width, height),
                colourfulness);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(grey);
        }
    }

    /// <summary>
    /// Population variance of the 3×3 Laplacian (0,1,0 / 1,−4,1 / 0,1,0) of 8-bit grey pixels, borders reflected
    /// without repeating the edge (OpenCV's BORDER_REFLECT_101), as <c>cv::Laplacian</c> with ksize 1 and
    /// <c>cv::meanStdDev</c> give it.
    /// </summary>
    public static double LaplacianVariance(ReadOnlySpan<byte> grey, int width, int height)
    {
        long sum = 0, squares = 0;
        for (var y = 0; y < height; y++)
        {
            var row = grey.Slice(y * width, width);
            var above = grey.Slice(Reflect101(y - 1, height) * width, width);
            var below = grey.Slice(Reflect101(y + 1, height) * width, width);
            var x = 1;
            if (Vector256.IsHardwareAccelerated && width > Lanes + 1)
            {
                Vector256<int> sums = default, squareSums = default;
                for (var steps = 1; x + Lanes < width; x += Lanes, steps++)
                {
                    var laplacian = ByteLanes.WidenEight(above[x..]) + ByteLanes.WidenEight(below[x..]) + ByteLanes.WidenEight(row[(x - 1)..]) + ByteLanes.WidenEight(row[(x + 1)..])
                        - (ByteLanes.WidenEight(row[x..]) * 4);
                    sums += laplacian;
                    squareSums += laplacian * laplacian;
                    if (steps % LaplacianStepsPerFlush == 0)
                    {
                        (sum, squares) = (sum + Total(sums), squares + Total(squareSums));
                        (sums, squareSums) = (default, default);
                    }
                }

                sum += Total(sums);
                squares += Total(squareSums);
            }

            for (; x < width - 1; x++)
            {
                var laplacian = above[x] + below[x] + row[x - 1] + row[x + 1] - (4 * row[x]);
                sum += laplacian;
                squares += laplacian * laplacian;
            }

            // The first and last columns, where the row's neighbours reflect.
            for (var edge = 0; edge < Math.Min(width, 2); edge++)
            {
                var column = edge == 0 ? 0 : width - 1;
                var laplacian = above[column] + below[column] + row[Reflect101(column - 1, width)] + row[Reflect101(column + 1, width)] - (4 * row[column]);
                sum += laplacian;
                squares += laplacian * laplacian;
            }
        }

        var (_, variance) = MeanAndVariance(sum, squares, 1.0 / ((long)width * height));
        return variance;
    }

    // cv::meanStdDev: mean = Σ·(1/n), σ = √max(Σ²·(1/n) − mean², 0); the features use σ², so σ is squared back.
    private static (double Mean, double Variance) MeanAndVariance(double sum, double squares, double scale)
    {
        var mean = sum * scale;
        var deviation = Math.Sqrt(Math.Max((squares * scale) - (mean * mean), 0));
        return (mean, deviation * deviation);
    }

    // cv::borderInterpolate for BORDER_REFLECT_101 one step outside: −1 → 1, n → n − 2; a single row or column is its own neighbour.
    private static int Reflect101(int index, int length) =>
        length == 1 ? 0 : index < 0 ? 1 : index >= length ? length - 2 : index;

    private static ColourSums ColourRow(ReadOnlySpan<byte> bgr, Span<byte> grey)
    {
        var sums = ColourSums.Zero;
        var x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Span<int> maxima = stackalloc int[Lanes];
            Span<int> differences = stackalloc int[Lanes];
            Vector256<int> rg = default, rgSquares = default, twiceYb = default, twiceYbSquares = default;
            var steps = 0;
            for (var offset = 0; offset + BgrLanes.Bytes <= bgr.Length; x += Lanes, offset += BgrLanes.Bytes)
            {
                var (blue, green, red) = BgrLanes.Load(bgr[offset..]);
                var maximum = Vector256.Max(Vector256.Max(blue, green), red);
                maximum.CopyTo(maxima);
                (maximum - Vector256.Min(Vector256.Min(blue, green), red)).CopyTo(differences);
                for (var lane = 0; lane < Lanes; lane++)
                {
                    sums.Saturation += Saturation(maxima[lane], differences[lane]);
                }

                var opponentRg = red - green;
                var opponentYb = red + green - (blue * 2);
                rg += opponentRg;
                rgSquares += opponentRg * opponentRg;
                twiceYb += opponentYb;
                twiceYbSquares += opponentYb * opponentYb;
                var values = Vector256.ShiftRightArithmetic((blue * GreyBlue) + (green * GreyGreen) + (red * GreyRed) + Vector256.Create(1 << (GreyShift - 1)), GreyShift).AsUInt32();
                var words = Vector128.Narrow(values.GetLower(), values.GetUpper());
                BinaryPrimitives.WriteUInt64LittleEndian(grey[x..], Vector128.Narrow(words, words).AsUInt64().ToScalar());
                if (++steps % ColourStepsPerFlush == 0)
                {
                    sums += ColourSums.Of(rg, rgSquares, twiceYb, twiceYbSquares);
                    (rg, rgSquares, twiceYb, twiceYbSquares) = (default, default, default, default);
                }
            }

            sums += ColourSums.Of(rg, rgSquares, twiceYb, twiceYbSquares);
        }

        for (var offset = x * 3; x < grey.Length; x++, offset += 3)
        {
            int blue = bgr[offset], green = bgr[offset + 1], red = bgr[offset + 2];
            var maximum = Math.Max(Math.Max(blue, green), red);
            sums.Saturation += Saturation(maximum, maximum - Math.Min(Math.Min(blue, green), red));
            int opponentRg = red - green, opponentYb = red + green - (2 * blue);
            sums.Rg += opponentRg;
            sums.RgSquares += opponentRg * opponentRg;
            sums.TwiceYb += opponentYb;
            sums.TwiceYbSquares += opponentYb * opponentYb;
            grey[x] = (byte)(((blue * GreyBlue) + (green * GreyGreen) + (red * GreyRed) + (1 << (GreyShift - 1))) >> GreyShift);
        }

        return sums;
    }

    // OpenCV's RGB2HSV_b: s = (diff · sdiv_table[v] + 2¹¹) >> 12.
    private static int Saturation(int maximum, int difference) =>
        ((difference * _saturationDivisors[maximum]) + (1 << (HsvShift - 1))) >> HsvShift;

    // The lanes' total in 64 bits: eight lanes near 2³¹ each would overflow a 32-bit sum.
    private static long Total(Vector256<int> lanes) => Vector256.Sum(Vector256.WidenLower(lanes) + Vector256.WidenUpper(lanes));

    private struct ColourSums
    {
        public long Saturation;
        public long Rg;
        public long RgSquares;
        public long TwiceYb;
        public long TwiceYbSquares;

        public static ColourSums Zero => default;

        public static ColourSums Of(Vector256<int> rg, Vector256<int> rgSquares, Vector256<int> twiceYb, Vector256<int> twiceYbSquares) => new()
        {
            Rg = Total(rg),
            RgSquares = Total(rgSquares),
            TwiceYb = Total(twiceYb),
            TwiceYbSquares = Total(twiceYbSquares),
        };

        public static ColourSums operator +(ColourSums left, ColourSums right) => new()
        {
            Saturation = left.Saturation + right.Saturation,
            Rg = left.Rg + right.Rg,
            RgSquares = left.RgSquares + right.RgSquares,
            TwiceYb = left.TwiceYb + right.TwiceYb,
            TwiceYbSquares = left.TwiceYbSquares + right.TwiceYbSquares,
        };
    }
}
