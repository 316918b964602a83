namespace Refinery.Api.OpenApi.Schemas;

/// <summary>The body of CreateDatasetVersion, for the OpenAPI description.</summary>
public sealed record CreateDatasetVersionRequest(string? VersionName, string? Description);
