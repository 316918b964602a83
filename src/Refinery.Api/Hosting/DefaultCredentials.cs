namespace Refinery.Api.Hosting;

/// <summary>The contents of <c>credentials.json</c>.</summary>
public sealed record DefaultCredentials(string ProjectId, string Token);
