namespace Refinery.Operators.Augmentation;

/// <summary>
/// The standard normal quantile Φ⁻¹(p), by Acklam's rational approximation (relative error below 1.2·10⁻⁹):
/// plenty for noise rounded to whole intensity steps, and free of any library's random or special-function code.
/// </summary>
public static class NormalQuantile
{
    private static readonly double[] _centralNumerator = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] _centralDenominator = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] _tailNumerator = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] _tailDenominator = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    private const double Low = 0.02425;

    public static double At(double probability)
    {
        if (probability < Low)
        {
            return Tail(Math.Sqrt(-2 * Math.Log(probability)));
        }

        if (probability > 1 - Low)
        {
            return -Tail(Math.Sqrt(-2 * Math.Log(1 - probability)));
        }

        var q = probability - 0.5;
        var r = q * q;
        return (((((((_centralNumerator[0] * r) + _centralNumerator[1]) * r) + _centralNumerator[2]) * r + _centralNumerator[3]) * r + _centralNumerator[4]) * r + _centralNumerator[5]) * q
            / (((((((_centralDenominator[0] * r) + _centralDenominator[1]) * r) + _centralDenominator[2]) * r + _centralDenominator[3]) * r + _centralDenominator[4]) * r + 1);
    }

    private static double Tail(double q) =>
        (((((((_tailNumerator[0] * q) + _tailNumerator[1]) * q) + _tailNumerator[2]) * q + _tailNumerator[3]) * q + _tailNumerator[4]) * q + _tailNumerator[5])
        / ((((((_tailDenominator[0] * q) + _tailDenominator[1]) * q) + _tailDenominator[2]) * q + _tailDenominator[3]) * q + 1);
}
