namespace Refinery.Operators.Pipeline;

/// <summary>
/// The name and type of one per-sample value in a <see cref="SampleRecord"/>: a stage that writes it and a stage that
/// reads it share the key, so the value's type is checked by the compiler rather than parsed back from text.
/// Supported types: <see cref="double"/>, <see cref="long"/>, <see cref="ulong"/>, <see cref="bool"/>,
/// <see cref="string"/>, <c>float[]</c> (an embedding), <c>double[]</c> and <c>byte[]</c> (any compact blob).
/// </summary>
public sealed record RecordKey<T>(string Name)
    where T : notnull;
