using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Domain;
using Refinery.Engine.Delivery;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Operators;
using Refinery.Engine.Staging;
using Refinery.Imaging;
using Refinery.Storage;

namespace Refinery.Engine.Mapping;

/// <summary>
/// The map stage of one pass: runs the pass's fused sample stages over one shard's samples in parallel, checking the
/// stop flag between samples, writes the shard's results and records (whole, deterministic), then marks the shard done
/// for that pass and asks for the reduce, which is enqueued once planning has finished and every shard is done. A
/// shard run twice yields the same files, so redelivery never duplicates. While it runs, the catalog shows the shard
/// claimed by this worker (<see cref="ShardClaims"/>); however the run ends, the claim is let go. Pass 0 reads the planned samples; a later
/// pass reads what the pass before kept.
/// </summary>
public sealed class ShardRunner(
    IDbContextFactory<CatalogContext> catalog,
    IObjectStore inputs,
    StagingArea staging,
    PassFiles passFiles,
    StagingCleaner stagingCleaner,
    VersionLifecycle lifecycle,
    StopSignal stopSignal,
    ReduceTrigger reduce,
    ShardClaims claims,
    EngineOptions options,
    OperatorPipelineFactory pipelines,
    TimeProvider clock,
    ILogger<ShardRunner> logger)
{
    public async Task RunAsync(string versionId, int shardIndex, CancellationToken cancellationToken)
    {
        string templateJson;
        int pass;
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

            (templateJson, pass) = (version.TemplateJson, version.Pass);
        }

        if (!await claims.ClaimAsync(versionId, shardIndex, cancellationToken))
        {
            // Another run finished it meanwhile, or the version ended.
            await stagingCleaner.ClearIfEndedAsync(versionId, cancellationToken);
            return;
        }

        var completed = false;
        try
        {
            completed = await RunClaimedAsync(versionId, shardIndex, templateJson, pass, cancellationToken);
        }
        finally
        {
            if (!completed)
            {
                // Stopped, failed or shutting down: the catalog must not show the shard running, and what this run wrote
                // after a stop goes. Not cancellable, as the job's own token may be what ended the run.
                await claims.ReleaseAsync(versionId, shardIndex, CancellationToken.None);
                await stagingCleaner.ClearIfEndedAsync(versionId, CancellationToken.None);
            }
        }
    }

    /// <summary>Runs a claimed shard; true when it ran to its end (completion lets go of the claim), false when the version stopped.</summary>
    private async Task<bool> RunClaimedAsync(string versionId, int shardIndex, string templateJson, int pass, CancellationToken cancellationToken)
    {
        await lifecycle.HeartbeatAsync(versionId, cancellationToken);
        var pipeline = pipelines.Create(TaskJson.ReadTemplate(templateJson), versionId);
        var stages = new FusedSampleStages(pipeline.Plan[pass].SampleStages, pipeline.TaskType) { OperatorNames = pipeline.Plan[pass].SampleOperators };
        var incoming = pass == 0
            ? await JsonLinesFile.ReadAsync(staging.Store, staging.ShardSamples(versionId, shardIndex), EngineJsonContext.Default.ShardEntry, cancellationToken)
                .Select(stages.Enter).ToListAsync(cancellationToken)
            : await passFiles.ReadShardAsync(versionId, pass - 1, shardIndex, decided: true, cancellationToken)
                .Where(staged => staged.Result.Output is not null).ToListAsync(cancellationToken);

        // Progress counts input samples, which the first pass visits all of; later passes revisit only survivors.
        var progress = pass == 0 ? new ShardProgress(catalog, clock, versionId, shardIndex) : null;
        var results = await ProcessAsync(versionId, shardIndex, stages, incoming, progress, cancellationToken);
        NativeHeap.ReleaseFreeMemory(); // the shard's image buffers are free, but glibc keeps them resident (see there)
        var progressWritten = progress?.WrittenAsync() ?? Task.CompletedTask;
        if (results is null)
        {
            // The stop cancelled the last progress write too, which no longer matters.
            await progressWritten.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            logger.LogInformation("Version {VersionId} stopped; shard {Shard} abandoned", versionId, shardIndex);
            return false;
        }

        await progressWritten; // no progress write may land after the shard's end below

        // Records first: a results file is only ever read together with its records.
        await SampleRecordFile.WriteAsync(
            staging.Store, staging.PassRecords(versionId, pass, shardIndex), results.Select(staged => staged.Record), cancellationToken);
        await JsonLinesFile.WriteAsync(
            staging.Store, staging.PassResults(versionId, pass, shardIndex), results.Select(staged => staged.Result), EngineJsonContext.Default.ShardResult, cancellationToken);
        await MarkDoneAsync(versionId, pass, shardIndex, progress is null ? null : incoming.Count, cancellationToken);
        return true;
    }

    /// <summary>
    /// The shard's results in input order, each sample followed by the samples added from it (by their index), or null
    /// when the version stopped part-way. Samples added in an earlier pass are finished: they go on as they are.
    /// </summary>
    private async Task<StagedResult[]?> ProcessAsync(
        string versionId, int shardIndex, FusedSampleStages stages, List<StagedResult> incoming, ShardProgress? progress, CancellationToken cancellationToken)
    {
        var passInputs = new PassInputStore(inputs, staging, versionId);
        var output = new StagingOutputWriter(staging, passInputs, versionId);
        var results = new IReadOnlyList<StagedResult>[incoming.Count];
        using var stopped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.SampleParallelism, CancellationToken = stopped.Token };
        using var finished = new CancellationTokenSource();
        var watching = WatchForStopAsync(versionId, shardIndex, stopped, finished.Token);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, incoming.Count), parallel, async (index, token) =>
            {
                if (await stopSignal.IsStoppedAsync(versionId, token))
                {
                    await stopped.CancelAsync();
                    return;
                }

                results[index] = incoming[index].Result.IsAdded
                    ? [incoming[index]]
                    : await stages.RunAsync(incoming[index], AddedAfter(incoming, index), passInputs, output, token);
                if (progress is not null)
                {
                    await progress.SampleDoneAsync(token);
                }
            });
        }
        catch (Exception) when (stopped.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Stopped: whatever the samples cut short threw (a cancellation, or a read abandoned half-way) is moot.
            return null;
        }
        finally
        {
            await finished.CancelAsync();
            await watching;
        }

        return stopped.IsCancellationRequested
            ? null
            : [.. results.SelectMany(lines => lines).OrderBy(line => line.Result.Ordinal).ThenBy(line => line.Result.AddedIndex)];
    }

    /// <summary>
    /// Checks the stop flag every <see cref="EngineOptions.StopCheckInterval"/> while samples run. When the version has
    /// ended it cancels the samples in flight and lets go of the shard at once: from then on no sample starts and nothing
    /// is recorded, and a decode already inside the native library, which cannot be interrupted, finishes only to be
    /// dropped; the catalog need not wait for it.
    /// </summary>
    private async Task WatchForStopAsync(string versionId, int shardIndex, CancellationTokenSource stopped, CancellationToken finished)
    {
        try
        {
            while (!stopped.IsCancellationRequested)
            {
                await Task.Delay(options.StopCheckInterval, clock, finished);
                if (await stopSignal.IsStoppedAsync(versionId, finished))
                {
                    await stopped.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (finished.IsCancellationRequested)
        {
            return; // the samples are all done; the shard's end lets go of it
        }

        await claims.ReleaseAsync(versionId, shardIndex, CancellationToken.None);
    }

    /// <summary>The highest index among the added samples that follow the sample at <paramref name="index"/>, or 0.</summary>
    private static int AddedAfter(List<StagedResult> incoming, int index)
    {
        var highest = 0;
        var ordinal = incoming[index].Result.Ordinal;
        for (var next = index + 1; next < incoming.Count && incoming[next].Result.Ordinal == ordinal; next++)
        {
            highest = Math.Max(highest, incoming[next].Result.AddedIndex);
        }

        return highest;
    }

    /// <param name="sampleCount">The shard's processed count for progress; null in later passes, which leave it as it is.</param>
    private async Task MarkDoneAsync(string versionId, int pass, int shardIndex, int? sampleCount, CancellationToken cancellationToken)
    {
        if (!await claims.CompleteAsync(versionId, pass, shardIndex, sampleCount, cancellationToken))
        {
            // Another delivery of this shard got there first (its files are the same as ours), or the version ended
            // while this one ran and the results just written are the ended version's leftovers.
            await stagingCleaner.ClearIfEndedAsync(versionId, cancellationToken);
            return;
        }

        var now = lifecycle.Now();
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await ShardProgress.RecountAsync(db, versionId, cancellationToken);
        await db.Versions.Where(version => version.VersionId == versionId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(version => version.HeartbeatAt, now)
                .SetProperty(version => version.UpdateTime, now), cancellationToken);

        await reduce.TryEnqueueAsync(versionId, cancellationToken);
    }
}
