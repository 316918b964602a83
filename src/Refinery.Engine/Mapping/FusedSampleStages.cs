using System.Diagnostics;
using Refinery.Domain;
using Refinery.Engine.Staging;
using Refinery.Engine.Telemetry;
using Refinery.Operators;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Engine.Mapping;

/// <summary>
/// A pass's sample stages fused: each sample goes through them one after another in one visit, each stage seeing the
/// sample as the one before left it (a validated image, not the input), until one deletes it. Notes, values and
/// records accumulate; the property is the strongest any stage gave (deleted, then modified, then kept). A sample a
/// stage adds is finished as it is made: it follows its parent as a line of its own and skips the later stages.
/// </summary>
public sealed class FusedSampleStages(IReadOnlyList<ISampleStage> stages, string taskType)
{
    /// <summary>The operator each stage belongs to, in the same order: the <c>operator</c> of its duration measurements.</summary>
    public IReadOnlyList<string> OperatorNames { get; init; } = [];

    /// <summary>A sample entering the pipeline: kept, under its planned output name, its files where the inputs hold them.</summary>
    public StagedResult Enter(ShardEntry entry)
    {
        var sample = entry.Sample;
        var output = new SampleWork(sample, entry.OutputName, taskType).PassThrough();
        return new StagedResult(
            new ShardResult(entry.Ordinal, SampleIds.ForSource(sample.Source), sample.Source, ResultProperty.Reserved, [], output, sample, Values: null),
            new SampleRecord());
    }

    /// <param name="incoming">The sample as the previous pass (or <see cref="Enter"/>) left it; never a deleted or an added one.</param>
    /// <param name="addedBefore">How many samples earlier passes added from it, so the ones added now are numbered after them.</param>
    /// <param name="inputs">What stages read through: inputs and the version's staged files.</param>
    /// <param name="output">Where stages write the version's files.</param>
    /// <param name="cancellationToken">Stops the stages.</param>
    /// <returns>The sample, then the samples its stages added, in the order they were added.</returns>
    public async Task<IReadOnlyList<StagedResult>> RunAsync(
        StagedResult incoming, int addedBefore, IObjectStore inputs, StagingOutputWriter output, CancellationToken cancellationToken)
    {
        var result = incoming.Result;
        var record = incoming.Record;
        var added = new List<StagedResult>();
        for (var index = 0; index < stages.Count; index++)
        {
            var writer = new TrackingOutputWriter(output);
            var started = Stopwatch.GetTimestamp();
            var outcome = await stages[index].ProcessAsync(
                new SampleWork(result.Location!, result.Output!.Source, taskType, result.SampleId), new SampleEnvironment(inputs, writer), cancellationToken);
            EngineMeter.OperatorDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("operator", index < OperatorNames.Count ? OperatorNames[index] : "unnamed"));
            if (outcome.Record is { } recorded)
            {
                record.MergeFrom(recorded);
            }

            foreach (var addition in outcome.Added ?? [])
            {
                added.Add(new StagedResult(Added(result, addition, addedBefore + added.Count + 1, writer, output), new SampleRecord()));
            }

            result = result with
            {
                Property = Strongest(result.Property, outcome.Property),
                Description = [.. result.Description, .. outcome.Description],
                Values = outcome.Values is { } values ? ValueMerge.Merge(result.Values, values) : result.Values,
            };
            if (outcome.Output is not { } published)
            {
                return [new StagedResult(result with { Property = ResultProperty.Deleted, Output = null, Location = null }, record), .. added];
            }

            result = Moved(result, published, writer, output);
        }

        return [new StagedResult(result, record), .. added];
    }

    /// <summary>The result with the stage's output names, its files located: newly written ones in staging, others where they were.</summary>
    private static ShardResult Moved(ShardResult result, Sample published, TrackingOutputWriter writer, StagingOutputWriter output)
    {
        var before = result.Location!;
        var source = writer.Wrote(published.Source) ? output.UriOf(published.Source) : before.Source;
        var annotation = published.AnnotationLocation is not { } name ? null
            : writer.Wrote(name) ? output.UriOf(name)
            : before.AnnotationLocation;
        return result with
        {
            Output = published with { AnnotationLocation = annotation is null ? null : published.AnnotationLocation },
            Location = published with { Source = source, AnnotationLocation = annotation },
        };
    }

    /// <summary>The result line of a sample a stage added from <paramref name="parent"/>: its files are the ones the stage wrote.</summary>
    private static ShardResult Added(ShardResult parent, AddedSample addition, int addedIndex, TrackingOutputWriter writer, StagingOutputWriter output)
    {
        var published = addition.Output;
        string Staged(string name) => writer.Wrote(name)
            ? output.UriOf(name)
            : throw new InvalidOperationException($"A stage added sample {name} from {parent.OriginSource} without writing {name}.");
        return new ShardResult(
            parent.Ordinal,
            SampleIds.ForSource(published.Source),
            parent.OriginSource,
            ResultProperty.Added,
            addition.Description,
            published,
            published with
            {
                Source = Staged(published.Source),
                AnnotationLocation = published.AnnotationLocation is { } annotation ? Staged(annotation) : null,
            },
            addition.Values,
            addedIndex);
    }

    private static ResultProperty Strongest(ResultProperty so, ResultProperty now) =>
        so == ResultProperty.Deleted || now == ResultProperty.Deleted ? ResultProperty.Deleted
        : so == ResultProperty.Modified || now == ResultProperty.Modified ? ResultProperty.Modified
        : now;
}
