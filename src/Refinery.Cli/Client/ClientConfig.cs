namespace Refinery.Cli.Client;

/// <summary>What <c>refinery login</c> saves: where the server is, the project, and the token for it.</summary>
public sealed record ClientConfig(string? Endpoint, string? ProjectId, string? Token);
