using System.Net;
using System.Text;

namespace Refinery.Api.WebConsole.Charts;

/// <summary>
/// Draws histograms as a self-contained SVG on the server, for the console and the CLI's HTML report alike. Several
/// series share one x axis spanning all their edges (versions' histograms have their own ranges) and are overlaid
/// translucently; every bin is one <c>rect.bar</c>, zero-height bins included, so a chart has as many bars as bins.
/// </summary>
public static class HistogramChart
{
    private const double Width = 360;
    private const double Height = 190;
    private const double Left = 44;
    private const double Right = 10;
    private const double Top = 22;
    private const double Bottom = 34;
    private static readonly string[] _palette = ["#2f6fde", "#e0762b", "#2a9d6f", "#b5449b", "#8a6d1f", "#5b5f97"];

    /// <summary>The colour of the series at <paramref name="index"/>, as the chart and its legend draw it.</summary>
    public static string ColourOf(int index) => _palette[index % _palette.Length];

    public static string Render(string title, IReadOnlyList<HistogramSeries> series)
    {
        var drawn = series.Where(static item => item.Histogram.Counts.Count > 0 && item.Histogram.Edges.Count == item.Histogram.Counts.Count + 1).ToList();
        var svg = new StringBuilder()
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"histogram\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Encode(title)}\">")
            .Append($"<text x=\"{Left}\" y=\"14\" font-size=\"12\" font-weight=\"600\">{Encode(title)}</text>");
        if (drawn.Count == 0)
        {
            svg.Append($"<text x=\"{Left}\" y=\"{Height / 2}\" font-size=\"11\" fill=\"#777\">no values</text>");
            return svg.Append("</svg>").ToString();
        }

        var low = drawn.Min(static item => item.Histogram.Edges[0]);
        var high = drawn.Max(static item => item.Histogram.Edges[^1]);
        var tallest = drawn.Max(static item => item.Histogram.Counts.Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(double value) => Left + (high > low ? (value - low) / (high - low) * plotWidth : plotWidth / 2);
        double BarHeight(double count) => tallest > 0 ? count / tallest * plotHeight : 0;

        var opacity = drawn.Count > 1 ? "0.55" : "0.85";
        for (var index = 0; index < drawn.Count; index++)
        {
            var (label, histogram) = (drawn[index].Label, drawn[index].Histogram);
            svg.Append($"<g class=\"series\" data-series=\"{Encode(label)}\" fill=\"{ColourOf(index)}\" fill-opacity=\"{opacity}\">");
            for (var bin = 0; bin < histogram.Counts.Count; bin++)
            {
                var (from, to, count) = (histogram.Edges[bin], histogram.Edges[bin + 1], histogram.Counts[bin]);
                var x = X(from);
                var height = BarHeight(count);
                svg.Append($"<rect class=\"bar\" x=\"{ChartNumber.Coordinate(x)}\" y=\"{ChartNumber.Coordinate(Top + plotHeight - height)}\" ")
                    .Append($"width=\"{ChartNumber.Coordinate(Math.Max(0.5, X(to) - x - 0.5))}\" height=\"{ChartNumber.Coordinate(height)}\">")
                    .Append($"<title>{Encode(label)}: {ChartNumber.Format(from)} – {ChartNumber.Format(to)}: {ChartNumber.Format(count)}</title></rect>");
            }

            svg.Append("</g>");
        }

        AppendAxes(svg, low, high, tallest, plotHeight);
        if (drawn.Count > 1)
        {
            AppendLegend(svg, drawn);
        }

        return svg.Append("</svg>").ToString();
    }

    private static void AppendAxes(StringBuilder svg, double low, double high, double tallest, double plotHeight)
    {
        var baseline = ChartNumber.Coordinate(Top + plotHeight);
        svg.Append($"<g stroke=\"#444\" stroke-width=\"1\"><line x1=\"{Left}\" y1=\"{baseline}\" x2=\"{Width - Right}\" y2=\"{baseline}\"/>")
            .Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{baseline}\"/></g>")
            .Append($"<g font-size=\"10\" fill=\"#333\"><text x=\"{Left}\" y=\"{ChartNumber.Coordinate(Top + plotHeight + 13)}\">{ChartNumber.Format(low)}</text>")
            .Append($"<text x=\"{Width - Right}\" y=\"{ChartNumber.Coordinate(Top + plotHeight + 13)}\" text-anchor=\"end\">{ChartNumber.Format(high)}</text>")
            .Append($"<text x=\"{Left - 4}\" y=\"{Top + 8}\" text-anchor=\"end\">{ChartNumber.Format(tallest)}</text>")
            .Append($"<text x=\"{Left - 4}\" y=\"{baseline}\" text-anchor=\"end\">0</text></g>");
    }

    private static void AppendLegend(StringBuilder svg, List<HistogramSeries> drawn)
    {
        var y = Height - 6;
        var x = Left;
        for (var index = 0; index < drawn.Count; index++)
        {
            svg.Append($"<rect x=\"{ChartNumber.Coordinate(x)}\" y=\"{y - 8}\" width=\"8\" height=\"8\" fill=\"{ColourOf(index)}\"/>")
                .Append($"<text x=\"{ChartNumber.Coordinate(x + 11)}\" y=\"{y}\" font-size=\"10\">{Encode(drawn[index].Label)}</text>");
            x += 18 + (6 * drawn[index].Label.Length);
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
