using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Domain;
using Refinery.Engine.Delivery;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Operators;
using Refinery.Engine.Staging;
using Refinery.Imaging;
using Refinery.Operators;
using Refinery.Storage;

namespace Refinery.Engine.Mapping;

/// <summary>
/// The map stage: runs the operator over one shard's samples in parallel, checking the stop flag between samples,
/// writes the shard's results file (whole, deterministic), then marks the shard done and asks for the reduce, which
/// is enqueued once planning has finished and every shard is done. A shard run twice yields the same files, so redelivery never duplicates.
/// </summary>
public sealed class ShardRunner(
    IDbContextFactory<CatalogContext> catalog,
    IObjectStore inputs,
    StagingArea staging,
    StagingCleaner stagingCleaner,
    VersionLifecycle lifecycle,
    StopSignal stopSignal,
    ReduceTrigger reduce,
    EngineOptions options,
    OperatorPipelineFactory pipelines,
    TimeProvider clock,
    ILogger<ShardRunner> logger)
{
    public async Task RunAsync(string versionId, int shardIndex, CancellationToken cancellationToken)
    {
        string templateJson;
        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        {
            var version = await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.VersionId == versionId, cancellationToken);
            var shard = await db.Shards.AsNoTracking()
                .SingleOrDefaultAsync(s => s.VersionId == versionId && s.ShardIndex == shardIndex, cancellationToken);
            if (version?.Status != (int)VersionStatus.Running || shard is null || shard.Done)
            {
                await stagingCleaner.ClearIfEndedAsync(versionId, cancellationToken);
                return;
            }

            templateJson = version.TemplateJson;
        }

        await lifecycle.HeartbeatAsync(versionId, cancellationToken);
        var pipeline = pipelines.Create(TaskJson.ReadTemplate(templateJson));
        var entries = await JsonLinesFile.ReadAsync(
            staging.Store, staging.ShardSamples(versionId, shardIndex), EngineJsonContext.Default.ShardEntry, cancellationToken).ToListAsync(cancellationToken);
        var results = await ProcessAsync(versionId, shardIndex, pipeline, entries, cancellationToken);
        NativeHeap.ReleaseFreeMemory(); // the shard's image buffers are free, but glibc keeps them resident (see there)
        if (results is null)
        {
            logger.LogInformation("Version {VersionId} stopped; shard {Shard} abandoned", versionId, shardIndex);
            await stagingCleaner.ClearIfEndedAsync(versionId, cancellationToken); // what this shard wrote after the stop
            return;
        }

        await JsonLinesFile.WriteAsync(
            staging.Store, staging.ShardResults(versionId, shardIndex), results, EngineJsonContext.Default.ShardResult, cancellationToken);
        await MarkDoneAsync(versionId, shardIndex, results.Length, cancellationToken);
    }

    /// <summary>The shard's results in input order, or null when the version stopped part-way.</summary>
    private async Task<ShardResult[]?> ProcessAsync(
        string versionId, int shardIndex, OperatorPipeline pipeline, List<ShardEntry> entries, CancellationToken cancellationToken)
    {
        var environment = new SampleEnvironment(inputs, new StagingOutputWriter(staging, inputs, versionId));
        var progress = new ShardProgress(catalog, clock, versionId, shardIndex);
        var results = new ShardResult[entries.Count];
        using var stopped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.SampleParallelism, CancellationToken = stopped.Token };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count), parallel, async (index, token) =>
            {
                if (await stopSignal.IsStoppedAsync(versionId, token))
                {
                    await stopped.CancelAsync();
                    return;
                }

                var entry = entries[index];
                var work = new SampleWork(entry.Sample, entry.OutputName, pipeline.TaskType);
                var outcome = await pipeline.Operator.ProcessAsync(work, environment, token);
                results[index] = new ShardResult(
                    entry.Ordinal, SampleIds.ForSource(entry.Sample.Source), entry.Sample.Source,
                    outcome.Property, outcome.Description, outcome.Output, outcome.Values);
                await progress.SampleDoneAsync(token);
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return stopped.IsCancellationRequested ? null : results;
    }

    private async Task MarkDoneAsync(string versionId, int shardIndex, int sampleCount, CancellationToken cancellationToken)
    {
        var now = lifecycle.Now();
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var marked = await db.Shards
            .Where(shard => shard.VersionId == versionId && shard.ShardIndex == shardIndex && !shard.Done)
            .ExecuteUpdateAsync(set => set
                .SetProperty(shard => shard.Done, true)
                .SetProperty(shard => shard.ProcessedSamples, sampleCount)
                .SetProperty(shard => shard.CompletedAt, now), cancellationToken);
        if (marked == 0)
        {
            // Another delivery of this shard got there first (its files are the same as ours), or the version ended
            // while this one ran and the results just written are the ended version's leftovers.
            await stagingCleaner.ClearIfEndedAsync(versionId, cancellationToken);
            return;
        }

        await ShardProgress.RecountAsync(db, versionId, cancellationToken);
        await db.Versions.Where(version => version.VersionId == versionId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(version => version.HeartbeatAt, now)
                .SetProperty(version => version.UpdateTime, now), cancellationToken);

        await reduce.TryEnqueueAsync(versionId, cancellationToken);
    }
}
