using Refinery.Cli.Commands.Tasks;

namespace Refinery.IntegrationTests.Cli;

/// <summary>The figures <c>tasks wait</c> shows beside its bar.</summary>
public sealed class ProgressFiguresTests
{
    [Fact]
    public void Rate_counts_only_samples_processed_since_the_wait_began_and_eta_follows_from_it()
    {
        var figures = ProgressFigures.From(processed: 60, total: 100, processedAtStart: 20, elapsed: TimeSpan.FromSeconds(10));

        Assert.Equal(4.0, figures.SamplesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(10), figures.Remaining);
        Assert.Equal("60/100 samples, 4.0 samples/s, ETA 0:10", figures.ToString());
    }

    [Fact]
    public void Before_planning_or_before_any_sample_there_is_no_total_rate_or_eta()
    {
        var figures = ProgressFigures.From(processed: 0, total: null, processedAtStart: 0, elapsed: TimeSpan.FromSeconds(3));

        Assert.Null(figures.SamplesPerSecond);
        Assert.Null(figures.Remaining);
        Assert.Equal("0/? samples, - samples/s, ETA -", figures.ToString());
    }
}
