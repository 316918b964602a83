namespace Refinery.Operators.Similarity;

/// <summary>The most similar verified partner of a sample: what a removed sample's result names as the reason.</summary>
public readonly record struct SimilarMatch(int Sample, float Similarity);
