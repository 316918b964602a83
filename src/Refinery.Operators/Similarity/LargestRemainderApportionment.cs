namespace Refinery.Operators.Similarity;

/// <summary>
/// Splits a whole number among parts in proportion to their sizes (Hamilton's method): each part gets the floor of
/// its exact share, and what remains goes one each to the largest fractional remainders (ties to the earlier part).
/// The quotas sum exactly to the total and never exceed a part's size when the total does not exceed the sizes' sum.
/// </summary>
public static class LargestRemainderApportionment
{
    public static int[] Apportion(int total, IReadOnlyList<int> sizes)
    {
        var sum = sizes.Sum(size => (long)size);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(total, sum);
        var quotas = new int[sizes.Count];
        if (total == 0)
        {
            return quotas;
        }

        // Shares in exact integer arithmetic: total × size = quota × sum + remainder.
        var remainders = new long[sizes.Count];
        var given = 0;
        for (var part = 0; part < sizes.Count; part++)
        {
            var share = (long)total * sizes[part];
            quotas[part] = (int)(share / sum);
            remainders[part] = share % sum;
            given += quotas[part];
        }

        var order = Enumerable.Range(0, sizes.Count).OrderByDescending(part => remainders[part]).ThenBy(part => part);
        foreach (var part in order.Take(total - given))
        {
            quotas[part]++;
        }

        return quotas;
    }
}
