namespace Refinery.Operators.Similarity;

/// <summary>
/// Runs a multi-table index: per table (in parallel), sorts the samples by key, and within each run of equal keys
/// verifies every pair exactly. A pair whose keys also agree in an earlier table was that table's to verify, so each
/// candidate is verified once however many tables it collides in.
/// </summary>
internal static class CandidatePairSearch
{
    public static DuplicateGrouping Run<TTables>(TTables tables, CancellationToken cancellationToken)
        where TTables : ICandidateTables
    {
        var builder = new DuplicateGroupBuilder(tables.SampleCount);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(
            0,
            tables.TableCount,
            options,
            () => new SimilarPairBuffer(builder),
            (table, _, buffer) =>
            {
                SearchTable(tables, table, buffer, cancellationToken);
                return buffer;
            },
            buffer => buffer.Flush());
        return builder.Build();
    }

    private static void SearchTable<TTables>(TTables tables, int table, SimilarPairBuffer buffer, CancellationToken cancellationToken)
        where TTables : ICandidateTables
    {
        var count = tables.SampleCount;
        var keys = new ulong[count];
        var samples = new int[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = tables.Key(i, table);
            samples[i] = i;
        }

        Array.Sort(keys, samples);
        var start = 0;
        while (start < count)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }

            for (var x = start; x < end - 1; x++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var y = x + 1; y < end; y++)
                {
                    var first = Math.Min(samples[x], samples[y]);
                    var second = Math.Max(samples[x], samples[y]);
                    if (!tables.AgreeBefore(first, second, table) && tables.Verify(first, second, out var similarity))
                    {
                        buffer.Add(first, second, similarity);
                    }
                }
            }

            start = end;
        }
    }
}
