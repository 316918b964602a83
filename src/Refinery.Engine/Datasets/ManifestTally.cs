using Refinery.Domain;

namespace Refinery.Engine.Datasets;

/// <summary>
/// Counts a manifest's samples as they stream by: all of them, those with a label or annotation, and each label
/// (how often it is given, and on how many samples).
/// </summary>
public sealed class ManifestTally
{
    private readonly Dictionary<string, (int Count, int Samples)> _labels = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    public int Annotated { get; private set; }

    /// <summary>Every label seen, by name.</summary>
    public IReadOnlyList<LabelStat> Labels =>
        [.. _labels.OrderBy(label => label.Key, StringComparer.Ordinal).Select(label => new LabelStat(label.Key, label.Value.Count, label.Value.Samples))];

    public void Add(Sample sample)
    {
        Total++;
        if (sample.Labels.Count > 0 || sample.AnnotationLocation is not null)
        {
            Annotated++;
        }

        foreach (var label in sample.Labels.GroupBy(name => name, StringComparer.Ordinal))
        {
            var seen = _labels.GetValueOrDefault(label.Key);
            _labels[label.Key] = (seen.Count + label.Count(), seen.Samples + 1);
        }
    }
}
