namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>What a CLI run is given besides its arguments: environment variables and standard input.</summary>
public sealed record CliEnvironment(IReadOnlyDictionary<string, string> Variables, string? StandardInput = null);
