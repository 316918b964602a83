using Refinery.Domain;

namespace Refinery.Operators;

/// <summary>One sample handed to an operator's per-sample stage.</summary>
/// <param name="Sample">
/// The sample as the stages before this one left it: its source and annotation are object URIs readable through
/// <see cref="SampleEnvironment.Inputs"/> (an input object, or a file an earlier stage of the pass wrote).
/// </param>
/// <param name="OutputName">
/// The sample's output path relative to <c>Data/</c>, unique within the version and chosen by the planner, e.g.
/// <c>cat/1.jpg</c> for a classification sample labelled cat, <c>street/1.jpg</c> for a detection image found in
/// sub-folder street. An operator may change its stem or extension (<c>cat/1_checked.png</c>) but keeps its folder;
/// later stages see the changed name here.
/// </param>
/// <param name="TaskType"><c>image_classification</c> or <c>object_detection</c>.</param>
/// <param name="SampleId">
/// The sample's id in the results, the MD5 of its input path: stable across runs and whichever stage wrote its current
/// file, so what is derived from it (an augmentation's random stream) is too. Defaults to the id of
/// <see cref="Sample.Source"/>, which is the input path until a stage moves the sample.
/// </param>
public sealed record SampleWork(Sample Sample, string OutputName, string TaskType, string? SampleId = null)
{
    public string SampleId { get; init; } = SampleId ?? SampleIds.ForSource(Sample.Source);

    /// <summary>
    /// The sample going on unchanged: its output names are <see cref="OutputName"/> and, for a detection sample with an
    /// annotation, the same name with <c>.xml</c>; the engine publishes its files from where they are now.
    /// </summary>
    public Sample PassThrough() => Sample with
    {
        Source = OutputName,
        AnnotationLocation = TaskType == TaskTypes.ObjectDetection && Sample.AnnotationLocation is not null
            ? Path.ChangeExtension(OutputName, ".xml")
            : null,
    };
}
