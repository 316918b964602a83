using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Datasets;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Reducing;
using Refinery.Engine.Staging;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Engine.Passes;

/// <summary>
/// Stores every sample's final result and completes the version in one catalog transaction, together with what the
/// version gives its datasets (a new dataset version for a dataset work path, the analysis of an analysed one). A stop
/// that wins the race rolls it all back: no results for a version that did not complete.
/// </summary>
public sealed class VersionCompletion(
    IDbContextFactory<CatalogContext> catalog,
    StagingArea staging,
    FinalResults finalResults,
    VersionLifecycle lifecycle,
    DatasetVersionPublisher datasetVersions)
{
    private const int InsertBatchSize = 1000;

    /// <returns>False when the version was no longer running (stopped meanwhile).</returns>
    public async Task<bool> StoreAndCompleteAsync(
        TaskVersionRecord version, OperatorPipeline pipeline, int shardCount, ObjectPath? outputRoot, string? resultJson, CancellationToken cancellationToken)
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
        await foreach (var result in finalResults.ReadAsync(version.VersionId, pipeline.Plan, shardCount, cancellationToken))
        {
            counts.Add(result.Property);
            var listed = !result.IsAdded && duplicates.TryGetValue(result.SampleId, out var listing)
                ? result with { Description = [.. result.Description, listing.Description] }
                : result;
            db.Results.Add(ToRecord(version.VersionId, listed, outputRoot));
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
            await datasetVersions.PublishInAsync(db, version, root, finalCounts, pipeline.Validated, cancellationToken);
        }

        if (pipeline.Template.AnalysesInputs && resultJson is not null)
        {
            await DatasetVersionPublisher.RecordAnalysisInAsync(db, version, resultJson, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The result as stored; an added sample's id is ModelArts' MD5 of its path, the one it is published under.</summary>
    private static SampleResultRecord ToRecord(string versionId, ShardResult result, ObjectPath? outputRoot)
    {
        var newSource = result.Output is { } output && outputRoot is { } root ? OutputPublisher.DataPath(root, output.Source).ToUri() : null;
        return new()
        {
            VersionId = versionId,
            SampleId = result.IsAdded && newSource is not null ? SampleIds.ForSource(newSource) : result.SampleId,
            Ordinal = result.Ordinal,
            AddedIndex = result.AddedIndex,
            OriginSource = result.OriginSource,
            NewSource = newSource,
            ResultProperty = (int)result.Property,
            DescriptionJson = JsonSerializer.Serialize(result.Description.Select(line => new[] { line }).ToArray(), ResultJsonContext.Default.StringArrayArray),
            ValuesJson = result.Values?.ToJsonString(),
        };
    }
}
