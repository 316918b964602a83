using Refinery.Domain;

namespace Refinery.Engine.Planning;

/// <summary>A sample the planner found, with the output name it gets (relative to <c>Data/</c>).</summary>
public sealed record PlannedSample(Sample Sample, string OutputName);
