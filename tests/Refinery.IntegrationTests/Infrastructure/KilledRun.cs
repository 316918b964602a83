namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>A run whose server was killed during its dataset stage: its task, its version and where that publishes.</summary>
public sealed record KilledRun(string TaskId, string VersionId, string OutputDirectory);
