namespace Refinery.Imaging.Analysis;

/// <summary>cleanvision's dataset-level odd_size rule, built from the quartiles of sqrt(W)·sqrt(H) over the dataset.</summary>
/// <param name="Mid">Midpoint of the two fences.</param>
/// <param name="Divisor">Gap between the fences, or <see cref="Mid"/> when the gap is 0.</param>
/// <param name="Threshold">0.5 with a gap (flagged = outside the fences); 1.0 with none (flagged = any size ≠ mid).</param>
public sealed record OddSizeFences(double Mid, double Divisor, double Threshold)
{
    public static OddSizeFences FromQuartiles(double q1, double q3)
    {
        var check = QualityChecks.OddSize;
        var iqr = q3 - q1;
        var lower = q1 - (check.Parameter("iqr_factor") * iqr);
        var upper = q3 + (check.Parameter("iqr_factor") * iqr);
        var mid = (lower + upper) / 2;
        var gap = upper - lower;
        return gap > 0
            ? new OddSizeFences(mid, gap, check.DefaultThreshold)
            : new OddSizeFences(mid, mid, check.Parameter("zero_gap_threshold"));
    }

    public double Score(double size) =>
        Divisor > 0 ? 1 - Math.Clamp(Math.Abs(size - Mid) / Divisor, 0, 1) : 1;

    public bool IsFlagged(double size) => QualityChecks.OddSize.IsFlagged(Score(size), Threshold);
}
