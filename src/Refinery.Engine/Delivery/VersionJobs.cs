using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Mapping;
using Refinery.Engine.Passes;
using Refinery.Engine.Planning;

namespace Refinery.Engine.Delivery;

/// <summary>
/// The entry points that job delivery calls: plain methods taking ids. Failures are retried a bounded number of
/// times; the last failure fails the version with a message a user can act on, never leaving it running.
/// </summary>
public sealed class VersionJobs(
    VersionPlanner planner,
    ShardRunner shards,
    PassCoordinator passEnds,
    VersionLifecycle lifecycle,
    IDbContextFactory<CatalogContext> catalog,
    EngineOptions options,
    ILogger<VersionJobs> logger)
{
    // Retries are counted in the catalog (ShardRecord.Attempts), not by the delivery, so they survive restarts.
    [AutomaticRetry(Attempts = 0)]
    public Task PlanAsync(string versionId, CancellationToken cancellationToken) =>
        RunOnceAsync(versionId, "planning", () => planner.PlanAsync(versionId, cancellationToken), cancellationToken);

    [AutomaticRetry(Attempts = 0)]
    public async Task MapAsync(string versionId, int shardIndex, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await shards.RunAsync(versionId, shardIndex, cancellationToken);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                var attempts = await CountAttemptAsync(versionId, shardIndex, cancellationToken);
                logger.LogWarning(exception, "Shard {Shard} of version {VersionId} failed (attempt {Attempt})", shardIndex, versionId, attempts);
                if (attempts >= options.MaxShardAttempts)
                {
                    await lifecycle.FailAsync(
                        versionId, $"Shard {shardIndex} failed {attempts} times; last error: {FailureMessage.ReasonOf(exception)}", cancellationToken);
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    [AutomaticRetry(Attempts = 0)]
    public Task ReduceAsync(string versionId, CancellationToken cancellationToken) =>
        RunOnceAsync(versionId, "publishing", () => passEnds.RunAsync(versionId, cancellationToken), cancellationToken);

    private async Task RunOnceAsync(string versionId, string stage, Func<Task> run, CancellationToken cancellationToken)
    {
        try
        {
            await run();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Version {VersionId} failed while {Stage}", versionId, stage);
            await lifecycle.FailAsync(versionId, FailureMessage.For(stage, exception), cancellationToken);
        }
    }

    private async Task<int> CountAttemptAsync(string versionId, int shardIndex, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await db.Shards.Where(shard => shard.VersionId == versionId && shard.ShardIndex == shardIndex)
            .ExecuteUpdateAsync(set => set.SetProperty(shard => shard.Attempts, shard => shard.Attempts + 1), cancellationToken);
        return await db.Shards.Where(shard => shard.VersionId == versionId && shard.ShardIndex == shardIndex)
            .Select(shard => shard.Attempts).SingleOrDefaultAsync(cancellationToken);
    }
}
