using Refinery.Domain;

namespace Refinery.Operators.Selection;

/// <summary><c>RRD</c>'s params (operators.md Part B §2.4), parsed once; every bad value is a 400 naming the parameter.</summary>
/// <param name="SampleRatio"><c>sample_ratio</c>: the fraction of samples kept, in (0, 1]; default 0.9.</param>
/// <param name="ClusterCount"><c>n_clusters</c>: k-means clusters the selection runs in; null for auto.</param>
/// <param name="TaskType">image_classification (default) or object_detection.</param>
public sealed record RrdParams(double SampleRatio, int? ClusterCount, string TaskType)
{
    public const double DefaultSampleRatio = 0.9;

    public static RrdParams Parse(OperatorParameters parameters)
    {
        var ratio = parameters.GetDouble("sample_ratio", DefaultSampleRatio);
        if (!(ratio > 0 && ratio <= 1))
        {
            throw ModelArtsErrors.InvalidArgument("params.sample_ratio", $"must be more than 0 and at most 1, got {ratio}");
        }

        return new RrdParams(ratio, parameters.GetClusterCount("n_clusters"), parameters.GetTaskType());
    }
}
