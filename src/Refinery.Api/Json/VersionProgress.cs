namespace Refinery.Api.Json;

/// <summary>How far a version has got: samples through the map stage, of the total the planner found.</summary>
public sealed record VersionProgress(int Processed, int? Total);
