using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Delivery;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Operators;
using Refinery.Engine.Staging;
using Refinery.Operators.Pipeline;

namespace Refinery.Engine.Planning;

/// <summary>
/// The plan stage: streams a version's inputs into shard files in staging, recording each shard and enqueuing its
/// map job as soon as it is written, so mapping overlaps planning. The version's shard count is set last; only then
/// can the reduce be claimed. Running it twice re-plans from scratch, so a crash during planning is harmless.
/// </summary>
public sealed class VersionPlanner(
    IDbContextFactory<CatalogContext> catalog,
    InputResolver inputs,
    StagingArea staging,
    StagingCleaner stagingCleaner,
    VersionLifecycle lifecycle,
    StopSignal stopSignal,
    IJobScheduler scheduler,
    ReduceTrigger reduce,
    EngineOptions options,
    OperatorPipelineFactory pipelines,
    ILogger<VersionPlanner> logger)
{
    public async Task PlanAsync(string versionId, CancellationToken cancellationToken)
    {
        if (!await lifecycle.StartAsync(versionId, cancellationToken))
        {
            return;
        }

        TaskVersionRecord version;
        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        {
            version = await db.Versions.AsNoTracking().SingleAsync(v => v.VersionId == versionId, cancellationToken);
        }

        await ResetPlanAsync(versionId, cancellationToken);
        int shardCount, sampleCount;
        try
        {
            var pipeline = pipelines.Create(TaskJson.ReadTemplate(version.TemplateJson));
            (shardCount, sampleCount) = await WriteShardsAsync(version, pipeline, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Stopped while planning: nothing to record, and the shard lists written so far go.
            await stagingCleaner.ClearIfEndedAsync(versionId, cancellationToken);
            return;
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Planning version {VersionId} failed", versionId);
            await lifecycle.FailAsync(versionId, FailureMessage.For("reading the inputs", exception), cancellationToken);
            return;
        }

        if (sampleCount == 0)
        {
            await lifecycle.FailAsync(versionId, "The inputs contain no images (jpg, jpeg, png, bmp).", cancellationToken);
            return;
        }

        if (!await FinishPlanAsync(versionId, shardCount, sampleCount, cancellationToken))
        {
            return;
        }

        logger.LogInformation("Version {VersionId}: {Samples} samples in {Shards} shards", versionId, sampleCount, shardCount);
        await reduce.TryEnqueueAsync(versionId, cancellationToken);
    }

    private async Task<(int Shards, int Samples)> WriteShardsAsync(TaskVersionRecord version, OperatorPipeline pipeline, CancellationToken cancellationToken)
    {
        var buffer = new List<ShardEntry>(options.ShardSize);
        var shardCount = 0;
        long ordinal = 0;
        var duplicates = new DuplicateListings();
        var samples = inputs.ResolveAsync(
            TaskJson.ReadInputs(version.InputsJson), pipeline.TaskType, duplicates, pipeline.Template.ReservedOutputName, cancellationToken);
        await foreach (var planned in samples)
        {
            buffer.Add(new ShardEntry(ordinal++, planned.OutputName, planned.Sample));
            if (buffer.Count == options.ShardSize)
            {
                await FlushAsync();
            }
        }

        if (buffer.Count > 0)
        {
            await FlushAsync();
        }

        // Before the plan is recorded as complete, so the reduce always finds it.
        await JsonLinesFile.WriteAsync(
            staging.Store, staging.Duplicates(version.VersionId), duplicates.Duplicates, EngineJsonContext.Default.DuplicateListing, cancellationToken);
        return (shardCount, (int)ordinal);

        async Task FlushAsync()
        {
            if (await stopSignal.IsStoppedAsync(version.VersionId, cancellationToken))
            {
                throw new OperationCanceledException("The version was stopped while it was being planned.");
            }

            await JsonLinesFile.WriteAsync(
                staging.Store, staging.ShardSamples(version.VersionId, shardCount), buffer, EngineJsonContext.Default.ShardEntry, cancellationToken);
            await RecordShardAsync(version.VersionId, shardCount, buffer.Count, cancellationToken);
            scheduler.EnqueueMap(version.VersionId, shardCount);
            shardCount++;
            buffer.Clear();
        }
    }

    /// <summary>Forgets any earlier, interrupted plan of the version: its shards and counters.</summary>
    private async Task ResetPlanAsync(string versionId, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Shards.Where(shard => shard.VersionId == versionId).ExecuteDeleteAsync(cancellationToken);
        await db.Versions.Where(version => version.VersionId == versionId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(version => version.ShardCount, (int?)null)
                .SetProperty(version => version.TotalSamples, (int?)null)
                .SetProperty(version => version.ProcessedSamples, 0)
                .SetProperty(version => version.Pass, 0)
                .SetProperty(version => version.ReduceEnqueued, false), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task RecordShardAsync(string versionId, int shardIndex, int sampleCount, CancellationToken cancellationToken)
    {
        var now = lifecycle.Now();
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        db.Shards.Add(new ShardRecord { VersionId = versionId, ShardIndex = shardIndex, SampleCount = sampleCount });
        await db.SaveChangesAsync(cancellationToken);
        await db.Versions.Where(version => version.VersionId == versionId)
            .ExecuteUpdateAsync(set => set.SetProperty(version => version.HeartbeatAt, now), cancellationToken);
    }

    /// <summary>Records the size of the finished plan, unless the version stopped meanwhile.</summary>
    private async Task<bool> FinishPlanAsync(string versionId, int shardCount, int sampleCount, CancellationToken cancellationToken)
    {
        var now = lifecycle.Now();
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var updated = await db.Versions
            .Where(version => version.VersionId == versionId && version.Status == (int)VersionStatus.Running)
            .ExecuteUpdateAsync(set => set
                .SetProperty(version => version.ShardCount, shardCount)
                .SetProperty(version => version.TotalSamples, sampleCount)
                .SetProperty(version => version.HeartbeatAt, now)
                .SetProperty(version => version.UpdateTime, now), cancellationToken);
        return updated == 1;
    }
}
