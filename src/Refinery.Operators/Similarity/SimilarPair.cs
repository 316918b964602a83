namespace Refinery.Operators.Similarity;

/// <summary>Two samples (indices in input order) whose verified similarity reached the threshold.</summary>
public readonly record struct SimilarPair(int First, int Second, float Similarity);
