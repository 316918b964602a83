namespace Refinery.Operators.Similarity;

/// <summary>
/// PCC's decision for one sample, with its reason: the nearest prototype centroid and their cosine similarity
/// (distance = 1 − similarity), and the most similar criticism image when there are any.
/// </summary>
public sealed record PrototypeJudgement(bool Kept, SimilarMatch NearestCentroid, SimilarMatch? NearestCriticism)
{
    public float CentroidDistance => 1f - NearestCentroid.Similarity;
}
