namespace Refinery.Api.OpenApi.Schemas;

/// <summary>One input of a dataset: an OBS folder (<c>data_type</c> 0) to import.</summary>
public sealed record DatasetDataSource(int DataType, string DataPath);
