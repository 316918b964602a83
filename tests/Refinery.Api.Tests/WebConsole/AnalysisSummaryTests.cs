using Refinery.Api.WebConsole.Charts;

namespace Refinery.Api.Tests.WebConsole;

public sealed class AnalysisSummaryTests
{
    private const string Result = """
        { "sample_count": 3, "analysed_count": 2, "failed_count": 1,
          "features": {
            "brightness": { "scope": "image", "count": 2, "mean": 0.5, "std": 0.1, "min": 0.4, "p25": 0.42, "median": 0.5, "p75": 0.58, "max": 0.6,
                            "histogram": { "edges": [0.4, 0.5, 0.6], "counts": [1, 1] } },
            "bbox_num": { "scope": "image", "count": 0 } },
          "by_usage": { "TRAIN": { "features": { "brightness": { "scope": "image", "count": 1, "histogram": { "edges": [0.4, 0.6], "counts": [1] } } } } },
          "quality": { "dark": 1, "light": 0 } }
        """;

    [Fact]
    public void An_analysis_result_reads_into_features_splits_and_quality_counts()
    {
        var summary = AnalysisSummary.Parse(Result)!;

        Assert.Equal((3, 2, 1), (summary.SampleCount, summary.AnalysedCount, summary.FailedCount));
        Assert.Equal(["brightness", "bbox_num"], summary.Features.Select(feature => feature.Id));
        Assert.Equal([1.0, 1.0], summary.Features[0].Histogram!.Counts);
        Assert.Null(summary.Features[1].Histogram);
        Assert.Null(summary.Features[1].Mean);
        Assert.Equal([1.0], Assert.Single(summary.FeaturesOf("TRAIN")).Histogram!.Counts);
        Assert.Empty(summary.FeaturesOf("EVAL"));
        Assert.Equal([KeyValuePair.Create("dark", 1L), KeyValuePair.Create("light", 0L)], summary.Quality);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("""{ "total": 3 }""")]
    [InlineData("[]")]
    public void A_result_that_is_not_an_analysis_has_no_summary(string? result) => Assert.Null(AnalysisSummary.Parse(result));

    [Fact]
    public void Charts_overlay_the_versions_and_draw_the_chosen_usage_split()
    {
        var summary = AnalysisSummary.Parse(Result)!;
        var versions = new[] { new LabelledSummary("V001", summary), new LabelledSummary("V002", summary) };

        var all = FeatureCharts.Build(versions, usage: null);
        var train = FeatureCharts.Build(versions, "TRAIN");

        Assert.Equal(["brightness", "bbox_num"], all.Select(chart => chart.FeatureId));
        Assert.Equal(4, CountBars(all[0].Svg));
        Assert.Equal(2, CountBars(Assert.Single(train).Svg));
        Assert.Equal(["TRAIN"], FeatureCharts.Usages(versions));
    }

    private static int CountBars(string svg) => svg.Split("class=\"bar\"").Length - 1;
}
