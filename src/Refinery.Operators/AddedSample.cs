using System.Text.Json.Nodes;
using Refinery.Domain;

namespace Refinery.Operators;

/// <summary>A new sample a stage made from the one it was given (an augmented copy).</summary>
/// <param name="Output">
/// Its names relative to <c>Data/</c>, every one written by the stage through <see cref="SampleEnvironment.Output"/>;
/// its labels and usage are the new sample's own (usually its parent's). Names must be unique within the version and
/// the same on every run, so that a shard run again overwrites rather than duplicates.
/// </param>
/// <param name="Description">Its result description: what made it and with which drawn values.</param>
/// <param name="Values">Its result values, or null.</param>
public sealed record AddedSample(Sample Output, IReadOnlyList<string> Description, JsonObject? Values = null);
