using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Api.WebConsole.Charts;

namespace Refinery.Api.Tests.WebConsole;

public sealed class HistogramChartTests
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Every_bin_is_one_bar_including_empty_ones_and_the_tallest_fills_the_plot()
    {
        var histogram = new FeatureHistogram([0, 1, 2, 3, 4], [2, 0, 8, 4]);

        var bars = Bars(HistogramChart.Render("brightness", [new HistogramSeries("V001", histogram)]));

        Assert.Equal(4, bars.Count);
        var heights = bars.Select(bar => double.Parse(bar.Attribute("height")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(0, heights[1]);
        Assert.Equal(heights[2] / 4, heights[0], 2);
        Assert.Equal(heights[2] / 2, heights[3], 2);
    }

    [Fact]
    public void Overlaid_series_share_one_x_axis_that_spans_all_their_edges()
    {
        var left = new HistogramSeries("V001", new FeatureHistogram([0, 1, 2], [1, 1]));
        var right = new HistogramSeries("V002", new FeatureHistogram([2, 3, 4], [1, 1]));

        var bars = Bars(HistogramChart.Render("clarity", [left, right]));

        var firstOfLeft = X(bars[0]);
        var firstOfRight = X(bars[2]);
        Assert.True(firstOfRight > X(bars[1]), "the second version's bins lie right of the first's");
        Assert.True(firstOfLeft < firstOfRight);
    }

    [Fact]
    public void Labels_are_escaped_so_a_version_or_feature_name_cannot_inject_markup()
    {
        var svg = HistogramChart.Render("<script>", [new HistogramSeries("\"><b>", new FeatureHistogram([0, 1], [1]))]);

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><b>", svg, StringComparison.Ordinal);
        _ = XDocument.Parse(svg);
    }

    [Fact]
    public void A_feature_without_values_draws_no_bar_and_says_so()
    {
        var svg = HistogramChart.Render("bbox_num", []);

        Assert.Empty(Bars(svg));
        Assert.Contains("no values", svg, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public Property A_chart_is_well_formed_svg_with_one_bar_per_bin_of_every_series() =>
        Prop.ForAll(Arb.From(Series().ArrayOf().Select(series => series.Take(5).ToArray())), series =>
        {
            var bars = Bars(HistogramChart.Render("feature", series));
            return bars.Count == series.Sum(item => item.Histogram.Counts.Count)
                && bars.All(bar => double.Parse(bar.Attribute("height")!.Value, CultureInfo.InvariantCulture) >= 0);
        });

    private static Gen<HistogramSeries> Series() =>
        from bins in Gen.Choose(1, 30)
        from low in Gen.Choose(-1000, 1000)
        from width in Gen.Choose(1, 500)
        from counts in Gen.Choose(0, 10_000).ArrayOf(bins)
        from label in Gen.Elements("V001", "V002", "TRAIN")
        select new HistogramSeries(
            label,
            new FeatureHistogram([.. Enumerable.Range(0, bins + 1).Select(edge => low + (edge * width / 10.0))], [.. counts.Select(count => (double)count)]));

    private static List<XElement> Bars(string svg) =>
        [.. XDocument.Parse(svg).Descendants(_svg + "rect").Where(rect => rect.Attribute("class")?.Value == "bar")];

    private static double X(XElement bar) => double.Parse(bar.Attribute("x")!.Value, CultureInfo.InvariantCulture);
}
