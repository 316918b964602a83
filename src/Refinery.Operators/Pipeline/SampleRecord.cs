namespace Refinery.Operators.Pipeline;

/// <summary>
/// The typed values sample stages record about one sample for later dataset stages (scores, hashes, an embedding).
/// Staged in binary by <see cref="SampleRecordCodec"/>, never as JSON text; carried forward from pass to pass, so a
/// dataset stage can read what any earlier sample stage recorded.
/// </summary>
public sealed class SampleRecord
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    /// <summary>The values by name, for the codec.</summary>
    internal IEnumerable<KeyValuePair<string, object>> Entries => _values;

    public SampleRecord Set<T>(RecordKey<T> key, T value)
        where T : notnull
    {
        SampleRecordCodec.CheckSupported(value);
        _values[key.Name] = value;
        return this;
    }

    public bool TryGet<T>(RecordKey<T> key, out T value)
        where T : notnull
    {
        if (_values.TryGetValue(key.Name, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Copies every value of <paramref name="other"/> into this record; its values win on a shared name.</summary>
    public void MergeFrom(SampleRecord other)
    {
        foreach (var (name, value) in other._values)
        {
            _values[name] = value;
        }
    }

    internal void SetRaw(string name, object value) => _values[name] = value;
}
