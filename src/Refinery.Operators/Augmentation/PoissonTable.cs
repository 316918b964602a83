namespace Refinery.Operators.Augmentation;

/// <summary>
/// Poisson(λ) sampling by inversion: a 16-bit uniform u maps to the smallest k whose CDF exceeds (u + ½)/65536.
/// One table lookup per value keeps a 2-megapixel image well inside the operator's time budget.
/// </summary>
public sealed class PoissonTable
{
    /// <summary>Beyond this the table's 2^-16 resolution no longer reaches the distribution's tails.</summary>
    public const double MaxLambda = 100;

    private readonly byte[] _counts = new byte[65536];

    public PoissonTable(double lambda)
    {
        var k = 0;
        var probability = Math.Exp(-lambda);
        var cumulative = probability;
        for (var u = 0; u < _counts.Length; u++)
        {
            var target = (u + 0.5) / 65536;
            while (cumulative < target && k < 255)
            {
                k++;
                probability *= lambda / k;
                cumulative += probability;
            }

            _counts[u] = (byte)k;
        }
    }

    public byte Sample(ushort uniform) => _counts[uniform];
}
