using System.Text.Json.Nodes;

namespace Refinery.Operators.Analysis;

/// <summary>
/// The summary of one feature over one group of samples, built in two passes over the data in memory independent of
/// its size: pass 1 count, mean, population std (Welford) and range; pass 2 the 20-bin histogram and the quantiles
/// (from a 4096-bin <see cref="QuantileHistogram"/>, error ≤ (max − min)/4096).
/// </summary>
public sealed class FeatureDistribution(FeatureScope scope)
{
    private const int QuantileBins = 4096;

    private long _count;
    private double _mean;
    private double _sumOfSquaredDeviations;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private QuantileHistogram? _quantiles;
    private EqualWidthHistogram? _histogram;

    public FeatureScope Scope => scope;

    public long Count => _count;

    public void AddFirstPass(double value)
    {
        _count++;
        var delta = value - _mean;
        _mean += delta / _count;
        _sumOfSquaredDeviations += delta * (value - _mean);
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
    }

    public void BeginSecondPass()
    {
        if (_count > 0)
        {
            _quantiles = new QuantileHistogram(_min, _max, QuantileBins);
            _histogram = new EqualWidthHistogram(_min, _max);
        }
    }

    public void AddSecondPass(double value)
    {
        _quantiles?.Add(value);
        _histogram?.Add(value);
    }

    public JsonObject ToJson(bool isNormed)
    {
        var json = new JsonObject
        {
            ["scope"] = scope == FeatureScope.Box ? "box" : "image",
            ["count"] = _count,
        };
        if (_count == 0 || _quantiles is null || _histogram is null)
        {
            return json;
        }

        if (_quantiles.Count != _count)
        {
            throw new InvalidOperationException($"The second pass saw {_quantiles.Count} values where the first saw {_count}: the source is not re-readable.");
        }

        json["mean"] = _mean;
        json["std"] = Math.Sqrt(_sumOfSquaredDeviations / _count);
        json["min"] = _min;
        json["p25"] = _quantiles.Quantile(0.25);
        json["median"] = _quantiles.Quantile(0.5);
        json["p75"] = _quantiles.Quantile(0.75);
        json["max"] = _max;
        var counts = new JsonArray();
        foreach (var count in _histogram.Counts)
        {
            counts.Add(isNormed ? (JsonNode)((double)count / _count) : count);
        }

        json["histogram"] = new JsonObject
        {
            ["edges"] = new JsonArray([.. _histogram.Edges.Select(edge => (JsonNode)edge)]),
            ["counts"] = counts,
        };
        return json;
    }
}
