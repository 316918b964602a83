using System.Collections;
using Microsoft.Extensions.Primitives;

namespace Refinery.Api.Authentication;

/// <summary>HTTP request headers as a case-insensitive multi-map, as signing and verification read them.</summary>
public sealed class RequestHeaderMap : IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Copies headers such as ASP.NET Core's <c>IHeaderDictionary</c>, keeping every value of a repeated header.</summary>
    public static RequestHeaderMap From(IEnumerable<KeyValuePair<string, StringValues>> headers)
    {
        var map = new RequestHeaderMap();
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                map.Add(name, value ?? string.Empty);
            }
        }

        return map;
    }

    public IEnumerable<string> Names => _values.Keys;

    /// <summary>Every value of the header, in arrival order; empty when the header is absent.</summary>
    public IReadOnlyList<string> this[string name] => _values.TryGetValue(name, out var values) ? values : [];

    public bool Contains(string name) => _values.ContainsKey(name);

    public void Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!_values.TryGetValue(name, out var values))
        {
            values = [];
            _values.Add(name, values);
        }

        values.Add(value);
    }

    /// <summary>Replaces every value of the header with <paramref name="value"/>.</summary>
    public void Set(string name, string value)
    {
        _values.Remove(name);
        Add(name, value);
    }

    /// <summary>A copy in which the header has the single value <paramref name="value"/>; this map is left unchanged.</summary>
    public RequestHeaderMap With(string name, string value)
    {
        var copy = new RequestHeaderMap();
        foreach (var (existingName, values) in _values)
        {
            copy._values.Add(existingName, [.. values]);
        }

        copy.Set(name, value);
        return copy;
    }

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() =>
        _values.Select(pair => new KeyValuePair<string, IReadOnlyList<string>>(pair.Key, pair.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
