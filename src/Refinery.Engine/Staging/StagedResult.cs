using Refinery.Operators.Pipeline;

namespace Refinery.Engine.Staging;

/// <summary>One sample as a pass left it: its result line and its typed record.</summary>
public sealed record StagedResult(ShardResult Result, SampleRecord Record);
