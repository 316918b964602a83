namespace Refinery.Engine.Lifecycle;

/// <summary>The five sample counters a completed version reports.</summary>
public sealed record VersionCounts(int Origin, int Added, int Deleted, int Modified, int Unmodified);
