using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Operators;
using Refinery.Engine.Staging;

namespace Refinery.Engine.Passes;

/// <summary>
/// The job that runs when every shard of a pass is done (the reduce): the pass's dataset stage if it has one, then
/// either the next pass or — after the last decision — the publish and completion. Knows nothing of templates: the
/// plan says what each pass holds.
/// </summary>
public sealed class PassCoordinator(
    IDbContextFactory<CatalogContext> catalog,
    OperatorPipelineFactory pipelines,
    DatasetStageRunner datasetStages,
    PassAdvancer advancer,
    VersionFinisher finisher,
    StagingCleaner stagingCleaner,
    VersionLifecycle lifecycle,
    ILogger<PassCoordinator> logger)
{
    private static readonly TimeSpan _heartbeatInterval = TimeSpan.FromSeconds(20);

    public async Task RunAsync(string versionId, CancellationToken cancellationToken)
    {
        TaskVersionRecord version;
        bool mapping;
        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        {
            version = await db.Versions.AsNoTracking().SingleAsync(v => v.VersionId == versionId, cancellationToken);
            mapping = await db.Shards.AnyAsync(shard => shard.VersionId == versionId && !shard.Done, cancellationToken);
        }

        // A late second delivery of an earlier pass's end finds the version in a pass whose shards are still mapping.
        if (version.Status != (int)VersionStatus.Running || version.ShardCount is not { } shardCount || mapping)
        {
            return;
        }

        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var beating = BeatAsync(versionId, heartbeat.Token);
        try
        {
            await RunPassEndAsync(version, shardCount, cancellationToken);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
        }
    }

    private async Task RunPassEndAsync(TaskVersionRecord version, int shardCount, CancellationToken cancellationToken)
    {
        var pipeline = pipelines.Create(TaskJson.ReadTemplate(version.TemplateJson));
        var pass = version.Pass;
        if (pipeline.Plan[pass].Barrier is { } barrier)
        {
            try
            {
                await datasetStages.RunAsync(version.VersionId, pass, shardCount, barrier, cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogInformation("Version {VersionId} stopped during the dataset stage of pass {Pass}", version.VersionId, pass);
                await stagingCleaner.ClearIfEndedAsync(version.VersionId, cancellationToken);
                return;
            }
        }

        if (pipeline.Plan.IsLast(pass))
        {
            await finisher.FinishAsync(version, pipeline, shardCount, cancellationToken);
        }
        else
        {
            await advancer.AdvanceAsync(version.VersionId, pass, shardCount, cancellationToken);
        }
    }

    /// <summary>
    /// Keeps the version's heartbeat fresh while a long dataset stage or publish runs, so the reconciler does not take
    /// it for orphaned and deliver a second one alongside.
    /// </summary>
    private async Task BeatAsync(string versionId, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_heartbeatInterval);
        try
        {
            do
            {
                await lifecycle.HeartbeatAsync(versionId, cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The job has finished.
        }
    }
}
