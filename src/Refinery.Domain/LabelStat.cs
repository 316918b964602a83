namespace Refinery.Domain;

/// <summary>One label of a dataset or dataset version: how often it is given, and on how many samples.</summary>
public sealed record LabelStat(string Name, int Count, int SampleCount);
