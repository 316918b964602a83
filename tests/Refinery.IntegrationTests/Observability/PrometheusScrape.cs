using System.Globalization;

namespace Refinery.IntegrationTests.Observability;

/// <summary>One scrape of <c>/metrics</c> in the Prometheus text format, summed over the series a test asks about.</summary>
public sealed class PrometheusScrape(string text)
{
    public string Text => text;

    /// <summary>The sum of every series named <paramref name="name"/> whose labels contain each of <paramref name="labels"/> (<c>key="value"</c>).</summary>
    public double Sum(string name, params string[] labels) =>
        text.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => (Series: line[..line.LastIndexOf(' ')], Value: line[(line.LastIndexOf(' ') + 1)..]))
            .Where(sample => NameOf(sample.Series) == name && labels.All(label => sample.Series.Contains(label, StringComparison.Ordinal)))
            .Sum(sample => double.Parse(sample.Value, CultureInfo.InvariantCulture));

    public bool Has(string name) => text.Split('\n').Any(line => line.Length > 0 && line[0] != '#' && NameOf(line) == name);

    private static string NameOf(string series)
    {
        var end = series.IndexOfAny(['{', ' ']);
        return end < 0 ? series : series[..end];
    }
}
