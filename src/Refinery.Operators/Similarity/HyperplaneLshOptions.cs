namespace Refinery.Operators.Similarity;

/// <summary>
/// The shape of <see cref="EmbeddingDuplicateFinder"/>'s index: <paramref name="Tables"/> hash tables of
/// <paramref name="BitsPerTable"/> random-hyperplane bits each, drawn from <paramref name="Seed"/>.
/// </summary>
public sealed record HyperplaneLshOptions(int Tables, int BitsPerTable, int Seed)
{
    /// <summary>Tuned for the default threshold 0.9 on 512-d embeddings; see <see cref="EmbeddingDuplicateFinder"/>.</summary>
    public static HyperplaneLshOptions Default { get; } = new(Tables: 48, BitsPerTable: 14, Seed: 20_260_701);
}
