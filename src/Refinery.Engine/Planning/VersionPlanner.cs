using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Delivery;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Operators;
using Refinery.Engine.Staging;

namespace Refinery.Engine.Planning;

/// <summary>
/// The plan stage: streams a version's inputs into shard files in staging, records the shards, and enqueues one
/// map job per shard. Running it twice re-plans from scratch, so a crash during planning is harmless.
/// </summary>
public sealed class VersionPlanner(
    IDbContextFactory<CatalogContext> catalog,
    InputResolver inputs,
    StagingArea staging,
    VersionLifecycle lifecycle,
    StopSignal stopSignal,
    IJobScheduler scheduler,
    EngineOptions options,
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

        int shardCount, sampleCount;
        try
        {
            var pipeline = OperatorPipelineFactory.Create(TaskJson.ReadTemplate(version.TemplateJson));
            (shardCount, sampleCount) = await WriteShardsAsync(version, pipeline.TaskType, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return; // stopped while planning: nothing to record
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Planning version {VersionId} failed", versionId);
            await lifecycle.FailAsync(versionId, $"Reading the inputs failed: {exception.Message}", cancellationToken);
            return;
        }

        if (sampleCount == 0)
        {
            await lifecycle.FailAsync(versionId, "The inputs contain no images (jpg, jpeg, png, bmp).", cancellationToken);
            return;
        }

        if (!await RecordShardsAsync(versionId, shardCount, sampleCount, cancellationToken))
        {
            return;
        }

        logger.LogInformation("Version {VersionId}: {Samples} samples in {Shards} shards", versionId, sampleCount, shardCount);
        for (var shard = 0; shard < shardCount; shard++)
        {
            scheduler.EnqueueMap(versionId, shard);
        }
    }

    private async Task<(int Shards, int Samples)> WriteShardsAsync(TaskVersionRecord version, string taskType, CancellationToken cancellationToken)
    {
        var buffer = new List<ShardEntry>(options.ShardSize);
        var shardCount = 0;
        long ordinal = 0;
        await foreach (var planned in inputs.ResolveAsync(TaskJson.ReadInputs(version.InputsJson), taskType, cancellationToken))
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

        return (shardCount, (int)ordinal);

        async Task FlushAsync()
        {
            if (await stopSignal.IsStoppedAsync(version.VersionId, cancellationToken))
            {
                throw new OperationCanceledException("The version was stopped while it was being planned.");
            }

            await JsonLinesFile.WriteAsync(
                staging.Store, staging.ShardSamples(version.VersionId, shardCount), buffer, EngineJsonContext.Default.ShardEntry, cancellationToken);
            shardCount++;
            buffer.Clear();
        }
    }

    /// <summary>Records the plan, unless the version stopped meanwhile. Replaces any earlier, interrupted plan.</summary>
    private async Task<bool> RecordShardsAsync(string versionId, int shardCount, int sampleCount, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Shards.Where(shard => shard.VersionId == versionId).ExecuteDeleteAsync(cancellationToken);
        var now = lifecycle.Now();
        var updated = await db.Versions
            .Where(version => version.VersionId == versionId && version.Status == (int)VersionStatus.Running)
            .ExecuteUpdateAsync(set => set
                .SetProperty(version => version.ShardCount, shardCount)
                .SetProperty(version => version.TotalSamples, sampleCount)
                .SetProperty(version => version.ProcessedSamples, 0)
                .SetProperty(version => version.ReduceEnqueued, false)
                .SetProperty(version => version.HeartbeatAt, now)
                .SetProperty(version => version.UpdateTime, now), cancellationToken);
        if (updated == 0)
        {
            return false;
        }

        for (var index = 0; index < shardCount; index++)
        {
            var size = index < shardCount - 1 ? options.ShardSize : sampleCount - (options.ShardSize * (shardCount - 1));
            db.Shards.Add(new ShardRecord { VersionId = versionId, ShardIndex = index, SampleCount = size });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
