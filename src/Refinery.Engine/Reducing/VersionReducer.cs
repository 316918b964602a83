using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Datasets;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Operators;
using Refinery.Engine.Staging;
using Refinery.Operators.Analysis;
using Refinery.Storage;

namespace Refinery.Engine.Reducing;

/// <summary>
/// The reduce and publish stages: merges the shard results, publishes the output (files first, manifest last),
/// then stores the per-sample results and completes the version in one transaction. If a stop wins the race at
/// the end, the published output is withdrawn, so a stopped version never leaves output behind.
/// </summary>
public sealed class VersionReducer(
    IDbContextFactory<CatalogContext> catalog,
    StagingArea staging,
    StagingCleaner stagingCleaner,
    OutputPublisher publisher,
    VersionLifecycle lifecycle,
    StopSignal stopSignal,
    DatasetVersionPublisher datasetVersions,
    OperatorPipelineFactory pipelines,
    ILogger<VersionReducer> logger)
{
    private const int InsertBatchSize = 1000;
    private static readonly TimeSpan _heartbeatInterval = TimeSpan.FromSeconds(20);

    public async Task ReduceAsync(string versionId, CancellationToken cancellationToken)
    {
        TaskVersionRecord version;
        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        {
            version = await db.Versions.AsNoTracking().SingleAsync(v => v.VersionId == versionId, cancellationToken);
        }

        if (version.Status != (int)VersionStatus.Running || version.ShardCount is not { } shardCount)
        {
            return;
        }

        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var beating = BeatWhileReducingAsync(versionId, heartbeat.Token);
        try
        {
            await ReduceRunningAsync(version, shardCount, cancellationToken);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
        }
    }

    private async Task ReduceRunningAsync(TaskVersionRecord version, int shardCount, CancellationToken cancellationToken)
    {
        var versionId = version.VersionId;
        var pipeline = pipelines.Create(TaskJson.ReadTemplate(version.TemplateJson));
        var outputRoot = pipeline.PublishesOutput ? OutputRootOf(version) : (ObjectPath?)null;
        if (outputRoot is { } root)
        {
            // The output root belongs to this version alone and it has not completed, so whatever is there was left
            // by an attempt that died while publishing (half-written temporary files included): start clean.
            await publisher.WithdrawAsync(root, cancellationToken);
            await publisher.CopyDataAsync(versionId, root, cancellationToken);
            await publisher.WriteManifestAsync(ReadResults(versionId, shardCount, cancellationToken), root, pipeline.TaskType, pipeline.OutputProperties, cancellationToken);
        }

        await using var amendments = new AmendmentSpool();
        var resultJson = pipeline.Analysis is { } analysis
            ? await AnalyseAsync(versionId, shardCount, analysis, amendments, cancellationToken)
            : null;

        bool completed;
        try
        {
            completed = !await stopSignal.IsStoppedAsync(versionId, cancellationToken)
                && await StoreAndCompleteAsync(version, pipeline, shardCount, outputRoot, resultJson, amendments, cancellationToken);
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

    /// <summary>
    /// Keeps the version's heartbeat fresh while a long reduce (a large publish) runs, so the reconciler does not take
    /// it for orphaned and deliver a second reduce alongside.
    /// </summary>
    private async Task BeatWhileReducingAsync(string versionId, CancellationToken cancellationToken)
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
            // The reduce has finished.
        }
    }

    /// <summary>
    /// Removes published output of a version that did not complete (stopped, or failing). A second delivery of the
    /// same reduce that lost the race to complete finds the version completed, and must leave its output alone.
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

    /// <summary>Feature analysis: the dataset-level result, and the per-sample amendments into the spool.</summary>
    private async Task<string> AnalyseAsync(
        string versionId, int shardCount, AnalysisParams analysis, AmendmentSpool amendments, CancellationToken cancellationToken)
    {
        var result = await new AnalysisReducer(analysis).ReduceAsync(
            () => ReadResults(versionId, shardCount, cancellationToken)
                .Select(sample => new AnalysedSample(sample.Ordinal.ToString(CultureInfo.InvariantCulture), sample.Values)),
            amendments.WriteAsync,
            cancellationToken);
        return result.ToJsonString(WireJson.NodeOptions);
    }

    private async Task<bool> StoreAndCompleteAsync(
        TaskVersionRecord version,
        OperatorPipeline pipeline,
        int shardCount,
        ObjectPath? outputRoot,
        string? resultJson,
        AmendmentSpool amendments,
        CancellationToken cancellationToken)
    {
        var counts = new VersionCountsBuilder();
        var duplicates = await JsonLinesFile.ReadAsync(
                staging.Store, staging.Duplicates(version.VersionId), EngineJsonContext.Default.DuplicateListing, cancellationToken)
            .ToDictionaryAsync(listing => listing.SampleId, StringComparer.Ordinal, cancellationToken);
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Results.Where(result => result.VersionId == version.VersionId).ExecuteDeleteAsync(cancellationToken);
        var pending = 0;
        await foreach (var result in ReadResults(version.VersionId, shardCount, cancellationToken))
        {
            counts.Add(result.Property);
            var amended = await amendments.TakeAsync(result.Ordinal, cancellationToken) is { } extra ? Amend(result, extra) : result;
            if (duplicates.TryGetValue(result.SampleId, out var listing))
            {
                amended = amended with { Description = [.. amended.Description, listing.Description] };
            }

            db.Results.Add(ToRecord(version.VersionId, amended, outputRoot));
            if (++pending == InsertBatchSize)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true; // completion below updates a tracked version
        var finalCounts = counts.Build();
        if (!await lifecycle.CompleteInAsync(db, version.VersionId, finalCounts, resultJson, cancellationToken))
        {
            return false; // the transaction rolls back: no results for a version that did not complete
        }

        if (outputRoot is { } root)
        {
            await datasetVersions.PublishInAsync(db, version, root, finalCounts, pipeline.TemplateId == TemplateIds.Validation, cancellationToken);
        }

        if (resultJson is not null)
        {
            await DatasetVersionPublisher.RecordAnalysisInAsync(db, version, resultJson, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async IAsyncEnumerable<ShardResult> ReadResults(string versionId, int shardCount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < shardCount; shard++)
        {
            await foreach (var result in JsonLinesFile.ReadAsync(
                staging.Store, staging.ShardResults(versionId, shard), EngineJsonContext.Default.ShardResult, cancellationToken))
            {
                yield return result;
            }
        }
    }

    /// <summary>The sample's result with the reduce's values merged in, and its description naming any dataset-level issue.</summary>
    private static ShardResult Amend(ShardResult result, JsonObject extra) =>
        SampleAmendment.DescribeDatasetIssues(extra) is { } issues
            ? result with { Values = Merge(result.Values, extra), Description = [.. result.Description, issues] }
            : result with { Values = Merge(result.Values, extra) };

    private static JsonObject Merge(JsonObject? values, JsonObject extra)
    {
        var merged = values ?? [];
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            merged[key] = value;
        }

        return merged;
    }

    private static ObjectPath OutputRootOf(TaskVersionRecord version)
    {
        var outputPath = TaskJson.ReadWorkPath(version.WorkPathJson)?.OutputPath
            ?? throw new InvalidOperationException($"Version {version.VersionId} has no output path.");
        return StoragePathParser.Parse("work_path.output_path", outputPath);
    }

    private static SampleResultRecord ToRecord(string versionId, ShardResult result, ObjectPath? outputRoot) => new()
    {
        VersionId = versionId,
        SampleId = result.SampleId,
        Ordinal = result.Ordinal,
        OriginSource = result.OriginSource,
        NewSource = result.Output is { } output && outputRoot is { } root ? OutputPublisher.DataPath(root, output.Source).ToUri() : null,
        ResultProperty = (int)result.Property,
        DescriptionJson = JsonSerializer.Serialize(result.Description.Select(line => new[] { line }).ToArray(), ResultJsonContext.Default.StringArrayArray),
        ValuesJson = result.Values?.ToJsonString(),
    };
}
