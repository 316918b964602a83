using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Domain.Tasks;
using Refinery.Engine.Planning;
using Refinery.Storage;

namespace Refinery.Engine.Datasets;

/// <summary>
/// The background import of a new dataset: streams its data path (folder or manifest) into the dataset's working
/// manifest, counting samples, then marks the dataset normal (or abnormal, with the reason). Idempotent.
/// </summary>
public sealed class DatasetImporter(
    IDbContextFactory<CatalogContext> catalog,
    InputResolver inputs,
    IObjectStore store,
    TimeProvider clock,
    ILogger<DatasetImporter> logger)
{
    public async Task ImportAsync(string datasetId, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.DatasetId == datasetId, cancellationToken);
        if (dataset?.Status != DatasetService.Importing)
        {
            return;
        }

        var taskType = DatasetTypes.TaskTypeOf(dataset.DatasetType);
        var tally = new ManifestTally();
        try
        {
            var samples = inputs.ResolveAsync([new ProcessorDataSource(SourceTypes.Obs, dataset.DataPath)], taskType, new DuplicateListings(), reservedName: null, cancellationToken)
                .Select(planned =>
                {
                    tally.Add(planned.Sample);
                    return planned.Sample;
                });
            var working = DatasetLayout.WorkingManifest(StoragePathParser.Parse("work_path", dataset.WorkPath), datasetId);
            await ManifestFiles.WriteAsync(store, working, samples, taskType, properties: null, cancellationToken);
            dataset.Status = DatasetService.Normal;
            dataset.ErrorMsg = null;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(error, "Import of dataset {DatasetId} failed", datasetId);
            dataset.Status = DatasetService.Abnormal;
            dataset.ErrorMsg = $"Importing {dataset.DataPath} failed: {error.Message}";
        }

        dataset.TotalSampleCount = tally.Total;
        dataset.AnnotatedSampleCount = tally.Annotated;
        dataset.LabelStatsJson = LabelStatsJson.Write(tally.Labels);
        dataset.UpdateTime = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
    }
}
