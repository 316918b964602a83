using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Reducing;
using Refinery.Engine.Staging;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Engine.Passes;

/// <summary>
/// After the last decision, once: publishes what survived (files first, manifest last), then stores the results and
/// completes the version. If a stop wins the race at the end, or completing fails, the published output is withdrawn,
/// so a version that did not complete never leaves output behind.
/// </summary>
public sealed class VersionFinisher(
    IDbContextFactory<CatalogContext> catalog,
    OutputPublisher publisher,
    FinalResults finalResults,
    DatasetStageRunner datasetStages,
    VersionCompletion completion,
    StagingCleaner stagingCleaner,
    StopSignal stopSignal,
    ILogger<VersionFinisher> logger)
{
    public async Task FinishAsync(TaskVersionRecord version, OperatorPipeline pipeline, int shardCount, CancellationToken cancellationToken)
    {
        var versionId = version.VersionId;
        var outputRoot = pipeline.Template.PublishesOutput ? OutputRootOf(version) : (ObjectPath?)null;
        if (outputRoot is { } root)
        {
            // The output root belongs to this version alone and it has not completed, so whatever is there was left
            // by an attempt that died while publishing (half-written temporary files included): start clean.
            await publisher.WithdrawAsync(root, cancellationToken);
            await publisher.PublishAsync(
                versionId,
                () => finalResults.SurvivorsAsync(versionId, pipeline.Plan, shardCount, cancellationToken),
                root,
                pipeline.TaskType,
                pipeline.OutputProperties,
                cancellationToken);
        }

        bool completed;
        try
        {
            completed = !await stopSignal.IsStoppedAsync(versionId, cancellationToken)
                && await completion.StoreAndCompleteAsync(
                    version, pipeline, shardCount, outputRoot, await DatasetResultAsync(versionId, pipeline.Plan, cancellationToken), cancellationToken);
        }
        catch when (outputRoot is not null)
        {
            await WithdrawUnlessCompletedAsync(versionId, outputRoot.Value, CancellationToken.None);
            throw;
        }

        if (!completed)
        {
            if (outputRoot is { } withdrawn)
            {
                await WithdrawUnlessCompletedAsync(versionId, withdrawn, cancellationToken);
            }

            return;
        }

        stopSignal.Forget(versionId);
        await stagingCleaner.ClearIfEndedAsync(versionId, cancellationToken);
    }

    /// <summary>The version's result: the dataset-level result of the last dataset stage that gave one.</summary>
    private async Task<string?> DatasetResultAsync(string versionId, PipelinePlan plan, CancellationToken cancellationToken)
    {
        for (var pass = plan.Passes.Count - 1; pass >= 0; pass--)
        {
            if (plan[pass].Barrier is not null && await datasetStages.ReadResultAsync(versionId, pass, cancellationToken) is { } result)
            {
                return result;
            }
        }

        return null;
    }

    /// <summary>
    /// Removes published output of a version that did not complete (stopped, or failing). A second delivery of the
    /// same job that lost the race to complete finds the version completed, and must leave its output alone.
    /// </summary>
    private async Task WithdrawUnlessCompletedAsync(string versionId, ObjectPath outputRoot, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var status = await db.Versions.Where(v => v.VersionId == versionId).Select(v => v.Status).SingleAsync(cancellationToken);
        if (status != (int)VersionStatus.Completed)
        {
            logger.LogInformation("Version {VersionId} did not complete (status {Status}); withdrawing its output", versionId, status);
            await publisher.WithdrawAsync(outputRoot, cancellationToken);
        }
    }

    private static ObjectPath OutputRootOf(TaskVersionRecord version)
    {
        var outputPath = TaskJson.ReadWorkPath(version.WorkPathJson)?.OutputPath
            ?? throw new InvalidOperationException($"Version {version.VersionId} has no output path.");
        return StoragePathParser.Parse("work_path.output_path", outputPath);
    }
}
