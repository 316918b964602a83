namespace Refinery.Api.Datasets;

/// <summary>One label of a dataset version with its counts (<c>label_stats[]</c>): how often it is given, on how many samples.</summary>
public sealed record LabelStatsResponse(string Name, int Type, int Count, int SampleCount);
