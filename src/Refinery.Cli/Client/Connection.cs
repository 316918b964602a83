namespace Refinery.Cli.Client;

/// <summary>A server, a project on it, and the token that opens the project.</summary>
public sealed record Connection(Uri Endpoint, string ProjectId, string Token);
