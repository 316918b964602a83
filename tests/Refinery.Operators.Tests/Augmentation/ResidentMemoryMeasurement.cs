namespace Refinery.Operators.Tests.Augmentation;

/// <summary>Tests that measure the process's resident memory run alone in it: what they measure must be theirs.</summary>
[CollectionDefinition(nameof(ResidentMemoryMeasurement), DisableParallelization = true)]
public sealed class ResidentMemoryMeasurement;
