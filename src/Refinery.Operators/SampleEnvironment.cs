using Refinery.Storage;

namespace Refinery.Operators;

/// <summary>What a per-sample stage may touch: the input store (read) and the version's output (write).</summary>
public sealed record SampleEnvironment(IObjectStore Inputs, IOutputWriter Output);
