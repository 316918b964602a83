using Refinery.Domain;

namespace Refinery.Operators;

/// <summary>One sample handed to an operator's per-sample stage.</summary>
/// <param name="Sample">The input sample (its source and annotation are object URIs).</param>
/// <param name="OutputName">
/// The sample's output path relative to <c>Data/</c>, unique within the version and chosen by the planner, e.g.
/// <c>cat/1.jpg</c> for a classification sample labelled cat, <c>street/1.jpg</c> for a detection image found in
/// sub-folder street. An operator may change its stem or extension (<c>cat/1_checked.png</c>) but keeps its folder.
/// </param>
/// <param name="TaskType"><c>image_classification</c> or <c>object_detection</c>.</param>
public sealed record SampleWork(Sample Sample, string OutputName, string TaskType);
