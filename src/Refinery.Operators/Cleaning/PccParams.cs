using Refinery.Domain;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Operators.Cleaning;

/// <summary>
/// <c>PCC</c>'s params (operators.md Part B §2.3), parsed once; every bad value is a 400 naming the parameter. Whether
/// the folders exist and hold images is checked against the store when the task is created (<see cref="ReferenceFolder"/>).
/// </summary>
/// <param name="Prototypes"><c>prototype_sample_path</c> (required): the folder of images a kept sample must be like.</param>
/// <param name="Criticisms"><c>criticism_sample_path</c> (optional, empty for none): the folder of images a kept sample must be unlike.</param>
/// <param name="ClusterCount"><c>n_clusters</c>: k-means centroids built from the prototypes; null (<c>auto</c>) for one per prototype.</param>
/// <param name="SimilarityThreshold"><c>simlarity_threshold</c> (sic): cosine similarity at or above it is "similar"; default 0.9.</param>
/// <param name="EmbeddingDistance"><c>embedding_distance</c>: cosine distance (1 − similarity) at or below it is "similar" too; default 0.2.</param>
/// <param name="TaskType">image_classification (default) or object_detection.</param>
public sealed record PccParams(
    ReferenceFolder Prototypes,
    ReferenceFolder? Criticisms,
    int? ClusterCount,
    double SimilarityThreshold,
    double EmbeddingDistance,
    string TaskType)
{
    public const double DefaultSimilarityThreshold = 0.9;
    public const double DefaultEmbeddingDistance = 0.2;

    /// <summary>The folders the operator reads besides its inputs, for the checks when the task is created.</summary>
    public IReadOnlyList<ReferenceFolder> ReferenceFolders => Criticisms is { } criticisms ? [Prototypes, criticisms] : [Prototypes];

    public static PccParams Parse(OperatorParameters parameters, BucketRouter storage) => new(
        Folder(parameters, "prototype_sample_path", storage)
            ?? throw ModelArtsErrors.InvalidArgument("params.prototype_sample_path", "is required: the folder of prototype images"),
        Folder(parameters, "criticism_sample_path", storage),
        parameters.GetClusterCount("n_clusters"),
        parameters.GetFraction("simlarity_threshold", DefaultSimilarityThreshold),
        parameters.GetFraction("embedding_distance", DefaultEmbeddingDistance),
        parameters.GetTaskType());

    /// <summary>The folder a parameter names, confined as inputs are to a configured bucket; null when absent or empty.</summary>
    private static ReferenceFolder? Folder(OperatorParameters parameters, string name, BucketRouter storage)
    {
        var field = $"params.{name}";
        var text = parameters.GetString(name)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // A malformed path is the 4313 every path field gets, naming this one.
        var path = StoragePathParser.Parse(field, text);
        return storage.HasBucket(path.Bucket)
            ? new ReferenceFolder(field, path)
            : throw ModelArtsErrors.InvalidArgument(field, $"bucket '{path.Bucket}' is not a configured storage root");
    }
}
