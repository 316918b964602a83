using System.Globalization;
using System.Text.Json.Nodes;

namespace Refinery.Operators.Pipeline;

/// <summary>
/// What a dataset stage decided about one sample: it goes on (possibly with values only the whole dataset could give
/// it) or it is removed, and then its result says why — the issue and its score, the sample it duplicates and their
/// similarity, or its distance to the nearest prototype.
/// </summary>
/// <param name="Ordinal">The sample's place in input order (<see cref="StagedSample.Ordinal"/>).</param>
/// <param name="Keep">False removes the sample: its result becomes deleted and nothing of it is published.</param>
/// <param name="Description">A line its result description gains, or null.</param>
/// <param name="Values">Values merged into its result's values, or null.</param>
public sealed record SampleDecision(long Ordinal, bool Keep, string? Description, JsonObject? Values)
{
    /// <summary>The values key under which a removal names its operator.</summary>
    public const string RemovedByKey = "removed_by";

    /// <summary>Keeps the sample, adding dataset-level values (and a line, when they flag something) to its result.</summary>
    public static SampleDecision Amend(long ordinal, string? description, JsonObject values) => new(ordinal, true, description, values);

    /// <summary>Removes a sample for the quality issues it was flagged with.</summary>
    public static SampleDecision RemoveForIssues(long ordinal, string operatorName, IReadOnlyList<IssueFinding> findings)
    {
        var issues = new JsonArray();
        foreach (var finding in findings)
        {
            var issue = new JsonObject { ["issue"] = finding.Issue, ["score"] = finding.Score, ["threshold"] = finding.Threshold };
            if (finding.DuplicateOf is { } original)
            {
                issue["duplicate_of"] = original;
            }

            issues.Add(issue);
        }

        return Remove(ordinal, operatorName, string.Join(", ", findings.Select(finding => finding.Describe())), new JsonObject { ["issues"] = issues });
    }

    /// <summary>Removes a sample as a duplicate of an earlier one, naming it and how similar the two are.</summary>
    public static SampleDecision RemoveAsDuplicate(long ordinal, string operatorName, string duplicateOf, double similarity) =>
        Remove(ordinal, operatorName, $"duplicates {duplicateOf} (similarity {Number(similarity)})",
            new JsonObject { ["duplicate_of"] = duplicateOf, ["similarity"] = Rounded(similarity) });

    /// <summary>
    /// Removes a sample as redundant (RRD), naming the nearest kept sample and their cosine distance; both null when its
    /// cluster's share of the kept samples rounded to none.
    /// </summary>
    public static SampleDecision RemoveAsRedundant(long ordinal, string operatorName, string? nearestKept, double? distance) =>
        nearestKept is null || distance is not { } value
            ? Remove(ordinal, operatorName, "redundant: its cluster's share of the kept samples rounded to none", [])
            : Remove(ordinal, operatorName, $"redundant: nearest kept sample {nearestKept} at distance {Number(value)}",
                new JsonObject { ["nearest_kept"] = nearestKept, ["distance"] = Rounded(value) });

    /// <summary>
    /// Removes a sample unlike the prototypes (PCC): names the nearest prototype (or prototype cluster), their cosine
    /// similarity and distance, and the two thresholds either of which it would have had to meet.
    /// </summary>
    public static SampleDecision RemoveForDistance(
        long ordinal, string operatorName, string nearestPrototype, double similarity, double similarityThreshold, double embeddingDistance) =>
        Remove(ordinal, operatorName,
            $"unlike the prototypes: nearest {nearestPrototype} at distance {Number(1 - similarity)} (similarity {Number(similarity)}); "
            + $"kept at similarity ≥ {Number(similarityThreshold)} or distance ≤ {Number(embeddingDistance)}",
            new JsonObject
            {
                ["nearest_prototype"] = nearestPrototype,
                ["prototype_similarity"] = similarity,
                ["prototype_distance"] = 1 - similarity,
                ["simlarity_threshold"] = similarityThreshold,
                ["embedding_distance"] = embeddingDistance,
            });

    /// <summary>Removes a sample like a criticism image (PCC), naming it and their similarity.</summary>
    public static SampleDecision RemoveAsCriticised(long ordinal, string operatorName, string criticism, double similarity) =>
        Remove(ordinal, operatorName, $"like the criticism image {criticism} (similarity {Number(similarity)})",
            new JsonObject { ["criticism"] = criticism, ["criticism_similarity"] = similarity });

    internal static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// A similarity or distance of embeddings as the result shows it: to 4 decimals, as the description does. Embeddings
    /// are staged in float16 (about 10⁻³), so further digits are noise, and a float widened to double shows 0.973100006.
    /// </summary>
    private static double Rounded(double value) => Math.Round(value, 4);

    private static SampleDecision Remove(long ordinal, string operatorName, string why, JsonObject values)
    {
        values[RemovedByKey] = operatorName;
        return new SampleDecision(ordinal, false, $"removed by {operatorName}: {why}", values);
    }
}
