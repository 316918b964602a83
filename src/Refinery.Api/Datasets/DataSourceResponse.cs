namespace Refinery.Api.Datasets;

/// <summary>One data source of a dataset: where it was imported from (<c>data_type</c> 0 is OBS).</summary>
public sealed record DataSourceResponse(string DataPath, int DataType);
