namespace Refinery.Operators.Similarity;

/// <summary>
/// The outcome of <see cref="KCenter"/>: the picked rows in pick order, and for every row its most similar pick (itself
/// for a pick) and that cosine similarity.
/// </summary>
public sealed record KCenterSelection(int[] Picks, int[] NearestPick, float[] NearestPickSimilarity);
