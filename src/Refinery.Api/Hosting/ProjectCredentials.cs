namespace Refinery.Api.Hosting;

/// <summary>A project and a token for it, as made by <see cref="ProjectProvisioner"/>; also the contents of <c>credentials.json</c>.</summary>
public sealed record ProjectCredentials(string ProjectId, string Token);
