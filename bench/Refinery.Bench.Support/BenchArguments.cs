using System.Globalization;

namespace Refinery.Bench.Support;

/// <summary>A benchmark's <c>--name value</c> options and <c>--flag</c> switches.</summary>
public sealed class BenchArguments(string[] args)
{
    /// <summary>The whole number after <paramref name="name"/>; outside <paramref name="min"/>..<paramref name="max"/> is an error naming it.</summary>
    public int Number(string name, int fallback, int min, int max)
    {
        var text = Text(name, null);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} '{text}' must be a whole number from {min} to {max}.");
    }

    public string? Text(string name, string? fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    public bool Has(string flag) => args.Contains(flag);
}
