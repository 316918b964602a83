namespace Refinery.Operators.Similarity;

/// <summary>
/// PCC's decision for one sample, with its reason: the nearest prototype centroid and their cosine similarity
/// (distance = 1 − similarity), and the most similar criticism image when there are any.
/// </summary>
/// <param name="LikePrototypes">Similar to its nearest centroid: the condition for being kept.</param>
/// <param name="LikeCriticism">Similar to its nearest criticism image: removed even when like the prototypes.</param>
public sealed record PrototypeJudgement(bool LikePrototypes, bool LikeCriticism, SimilarMatch NearestCentroid, SimilarMatch? NearestCriticism)
{
    public bool Kept => LikePrototypes && !LikeCriticism;

    public float CentroidDistance => 1f - NearestCentroid.Similarity;
}
