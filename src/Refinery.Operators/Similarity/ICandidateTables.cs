namespace Refinery.Operators.Similarity;

/// <summary>
/// An index of several hash tables over the same samples: two samples are candidates when their keys are equal in
/// some table, and a candidate becomes a pair only if the exact similarity reaches the threshold.
/// </summary>
internal interface ICandidateTables
{
    int SampleCount { get; }

    int TableCount { get; }

    ulong Key(int sample, int table);

    /// <summary>Whether the two samples' keys agree in some table before <paramref name="table"/>.</summary>
    bool AgreeBefore(int first, int second, int table);

    bool Verify(int first, int second, out float similarity);
}
