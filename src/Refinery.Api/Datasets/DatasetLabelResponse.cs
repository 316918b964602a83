namespace Refinery.Api.Datasets;

/// <summary>One label of a dataset (<c>labels[]</c>); its type is the dataset's type.</summary>
public sealed record DatasetLabelResponse(string Name, int Type);
