using System.Diagnostics.Metrics;

namespace Refinery.Engine.Telemetry;

/// <summary>
/// The engine's measurements, as <c>System.Diagnostics.Metrics</c> instruments so that the engine depends on no
/// exporter: the server publishes them on <c>/metrics</c>, and any other listener (dotnet-counters) sees them too.
/// </summary>
public static class EngineMeter
{
    /// <summary>Exported to Prometheus as <c>refinery_…</c>: the meter's name, then the instrument's, dots made underscores.</summary>
    public const string Name = "Refinery";

    private static readonly Meter _meter = new(Name);

    /// <summary>Input samples the map stage has finished (a shard delivered again counts its samples again).</summary>
    public static Counter<long> SamplesProcessed { get; } = _meter.CreateCounter<long>(
        "samples.processed", unit: "{sample}", description: "Input samples the map stage has finished.");

    /// <summary>Seconds one operator's sample stage took on one sample, tagged <c>operator</c>.</summary>
    public static Histogram<double> OperatorDuration { get; } = _meter.CreateHistogram<double>(
        "operator.duration.seconds", unit: "s", description: "Seconds one operator's sample stage took on one sample.");
}
