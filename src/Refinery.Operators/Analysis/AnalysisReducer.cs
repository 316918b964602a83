using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Refinery.Imaging.Analysis;

namespace Refinery.Operators.Analysis;

/// <summary>
/// The reduce stage of <c>sys_data_analyse</c>: reads every sample's values twice and builds the task's
/// <c>result</c> (operators.md Part A) plus the per-sample amendments only the whole dataset can decide. Memory does
/// not grow with the dataset except for the 16-byte-per-sample <see cref="DuplicateIndex"/>.
/// Pass 1: counts, moments, ranges, per-image quality flags, the odd_size quartile sketch, the hashes.
/// Pass 2: histograms and quantiles, odd_size scores against the dataset fences, duplicate set membership.
/// </summary>
public sealed class AnalysisReducer(AnalysisParams parameters)
{
    private const string AllSamples = "";

    private static readonly string[] _knownUsages = ["TRAIN", "EVAL", "TEST", "INFERENCE"];

    /// <param name="source">Yields the same samples in the same order each time it is called; it is called twice.</param>
    /// <param name="amend">Receives one amendment per analysed sample, during the second pass.</param>
    /// <param name="cancellationToken">Stops either pass.</param>
    public async Task<JsonObject> ReduceAsync(
        Func<IAsyncEnumerable<AnalysedSample>> source,
        Func<SampleAmendment, CancellationToken, ValueTask> amend,
        CancellationToken cancellationToken)
    {
        var distributions = new Dictionary<string, Dictionary<string, FeatureDistribution>>(StringComparer.Ordinal);
        var issueCounts = QualityChecks.All.ToDictionary(check => check.Issue, _ => 0L, StringComparer.Ordinal);
        var sizes = new OddSizeSketch(parameters.MaxImagePixels);
        var duplicates = new DuplicateIndex();
        long sampleCount = 0, analysedCount = 0;

        await foreach (var sample in source().WithCancellation(cancellationToken))
        {
            sampleCount++;
            if (AnalysedValues(sample) is not { } values)
            {
                continue;
            }

            analysedCount++;
            ForEachFeatureValue(values, distributions, create: true, static (distribution, value) => distribution.AddFirstPass(value));
            foreach (var check in QualityChecks.PerImage)
            {
                if (TryReadNumber(values[check.ScoreKey], out var score) && check.IsFlagged(score))
                {
                    issueCounts[check.Issue]++;
                }
            }

            if (SizeValue(values) is { } size)
            {
                sizes.Add(size);
            }

            if (Hashes(values) is { } hashes)
            {
                duplicates.Add(hashes.Exact, hashes.Perceptual);
            }
        }

        var groups = duplicates.Build();
        issueCounts[QualityChecks.ExactDuplicates.Issue] = groups.ExactMembers;
        issueCounts[QualityChecks.NearDuplicates.Issue] = groups.NearMembers;
        var fences = sizes.Fences();
        foreach (var distribution in distributions.Values.SelectMany(group => group.Values))
        {
            distribution.BeginSecondPass();
        }

        long secondPassCount = 0;
        await foreach (var sample in source().WithCancellation(cancellationToken))
        {
            if (AnalysedValues(sample) is not { } values)
            {
                continue;
            }

            secondPassCount++;
            ForEachFeatureValue(values, distributions, create: false, static (distribution, value) => distribution.AddSecondPass(value));
            var size = SizeValue(values);
            var oddSizeScore = fences is not null && size is { } s ? fences.Score(s) : 1;
            var isOddSize = fences is not null && size is { } t && fences.IsFlagged(t);
            if (isOddSize)
            {
                issueCounts[QualityChecks.OddSize.Issue]++;
            }

            var hashes = Hashes(values);
            await amend(
                new SampleAmendment(
                    sample.Key,
                    oddSizeScore,
                    isOddSize,
                    hashes is { } exact ? groups.ExactGroupOf(exact.Exact) : null,
                    hashes is { } perceptual ? groups.NearGroupOf(perceptual.Perceptual) : null),
                cancellationToken);
        }

        if (secondPassCount != analysedCount)
        {
            throw new InvalidOperationException(
                $"The second pass read {secondPassCount} analysed samples where the first read {analysedCount}: the source is not re-readable.");
        }

        return BuildResult(sampleCount, analysedCount, distributions, issueCounts);
    }

    private JsonObject BuildResult(
        long sampleCount,
        long analysedCount,
        Dictionary<string, Dictionary<string, FeatureDistribution>> distributions,
        Dictionary<string, long> issueCounts)
    {
        var byUsage = new JsonObject();
        var usages = distributions.Keys.Where(key => key != AllSamples)
            .OrderBy(usage => Array.IndexOf(_knownUsages, usage) is var index and >= 0 ? index : _knownUsages.Length)
            .ThenBy(usage => usage, StringComparer.Ordinal);
        foreach (var usage in usages)
        {
            byUsage[usage] = new JsonObject { ["features"] = FeaturesJson(distributions[usage]) };
        }

        var quality = new JsonObject();
        foreach (var check in QualityChecks.All)
        {
            quality[check.Issue] = issueCounts[check.Issue];
        }

        return new JsonObject
        {
            ["sample_count"] = sampleCount,
            ["analysed_count"] = analysedCount,
            ["failed_count"] = sampleCount - analysedCount,
            ["features"] = FeaturesJson(distributions.GetValueOrDefault(AllSamples)),
            ["by_usage"] = byUsage,
            ["quality"] = quality,
        };
    }

    private JsonObject FeaturesJson(Dictionary<string, FeatureDistribution>? group)
    {
        var features = new JsonObject();
        foreach (var feature in parameters.Features)
        {
            var distribution = group?.GetValueOrDefault(feature.Id) ?? new FeatureDistribution(feature.Scope);
            features[feature.Id] = distribution.ToJson(parameters.IsNormed);
        }

        return features;
    }

    private void ForEachFeatureValue(
        JsonObject values,
        Dictionary<string, Dictionary<string, FeatureDistribution>> distributions,
        bool create,
        Action<FeatureDistribution, double> add)
    {
        var usage = values[AnalysisValueKeys.Usage] is JsonValue usageValue && usageValue.GetValueKind() == JsonValueKind.String
            ? usageValue.GetValue<string>().Trim().ToUpperInvariant()
            : null;
        var overall = GroupOf(distributions, AllSamples, create);
        var split = string.IsNullOrEmpty(usage) ? null : GroupOf(distributions, usage, create);
        foreach (var feature in parameters.Features)
        {
            var node = values[feature.Id];
            if (node is null)
            {
                continue;
            }

            foreach (var value in Numbers(node))
            {
                add(DistributionOf(overall, feature, create), value);
                if (split is not null)
                {
                    add(DistributionOf(split, feature, create), value);
                }
            }
        }
    }

    private static Dictionary<string, FeatureDistribution> GroupOf(
        Dictionary<string, Dictionary<string, FeatureDistribution>> distributions, string key, bool create)
    {
        if (!distributions.TryGetValue(key, out var group))
        {
            group = create ? new Dictionary<string, FeatureDistribution>(StringComparer.Ordinal)
                : throw new InvalidOperationException($"Usage '{key}' appeared only in the second pass: the source is not re-readable.");
            distributions[key] = group;
        }

        return group;
    }

    private static FeatureDistribution DistributionOf(Dictionary<string, FeatureDistribution> group, AnalysisFeatureDefinition feature, bool create)
    {
        if (!group.TryGetValue(feature.Id, out var distribution))
        {
            distribution = create ? new FeatureDistribution(feature.Scope)
                : throw new InvalidOperationException($"Feature '{feature.Id}' appeared only in the second pass: the source is not re-readable.");
            group[feature.Id] = distribution;
        }

        return distribution;
    }

    private static JsonObject? AnalysedValues(AnalysedSample sample) =>
        sample.Values is { } values && !(values[AnalysisValueKeys.Failed] is JsonValue failed && failed.GetValueKind() == JsonValueKind.True)
            ? values
            : null;

    private static double? SizeValue(JsonObject values) =>
        TryReadNumber(values[AnalysisValueKeys.Width], out var width) && TryReadNumber(values[AnalysisValueKeys.Height], out var height)
            ? QualityKernels.SizeValue((int)width, (int)height)
            : null;

    private static (ulong Exact, ulong Perceptual)? Hashes(JsonObject values) =>
        values[AnalysisValueKeys.ExactHash] is JsonValue exact && exact.TryGetValue<string>(out var exactHex)
        && values[AnalysisValueKeys.PerceptualHash] is JsonValue perceptual && perceptual.TryGetValue<string>(out var perceptualHex)
        && ulong.TryParse(exactHex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var exactHash)
        && ulong.TryParse(perceptualHex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var perceptualHash)
            ? (exactHash, perceptualHash)
            : null;

    private static IEnumerable<double> Numbers(JsonNode node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (TryReadNumber(item, out var value))
                {
                    yield return value;
                }
            }
        }
        else if (TryReadNumber(node, out var value))
        {
            yield return value;
        }
    }

    // Values made in memory hold CLR numbers (int, long, double); values read back from storage hold JSON elements.
    private static bool TryReadNumber(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue json || json.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (json.TryGetValue(out value))
        {
            return double.IsFinite(value);
        }

        if (json.TryGetValue<long>(out var whole))
        {
            value = whole;
            return true;
        }

        if (json.TryGetValue<int>(out var small))
        {
            value = small;
            return true;
        }

        return double.TryParse(json.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
