using Refinery.Domain;

namespace Refinery.Operators.Selection;

/// <summary><c>SimDeduplication</c>'s params (operators.md Part B §2.4), parsed once; every bad value is a 400 naming the parameter.</summary>
/// <param name="Method"><c>method</c>: embedding (default) or phash.</param>
/// <param name="SimilarityThreshold"><c>simlarity_threshold</c> (sic): samples at least this similar are duplicates; default 0.9.</param>
/// <param name="TaskType">image_classification (default) or object_detection.</param>
public sealed record SimDeduplicationParams(SimDeduplicationMethod Method, double SimilarityThreshold, string TaskType)
{
    public const double DefaultSimilarityThreshold = 0.9;

    public static SimDeduplicationParams Parse(OperatorParameters parameters)
    {
        var method = parameters.GetString("method", "embedding").Trim().ToLowerInvariant() switch
        {
            "embedding" => SimDeduplicationMethod.Embedding,
            "phash" => SimDeduplicationMethod.PerceptualHash,
            var other => throw ModelArtsErrors.InvalidArgument("params.method", $"must be embedding or phash, got '{other}'"),
        };
        return new SimDeduplicationParams(
            method, parameters.GetFraction("simlarity_threshold", DefaultSimilarityThreshold), parameters.GetTaskType());
    }
}
