using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Engine.Lifecycle;
using Refinery.Storage;

namespace Refinery.Engine.Datasets;

/// <summary>
/// Links finished task versions to datasets: a processing version whose work path is a dataset publishes its
/// output as a new current dataset version (its id written back into <c>work_path.version_id</c>); an analysis of
/// a dataset version stores its result on that version.
/// </summary>
public sealed class DatasetVersionPublisher(IObjectStore store, DatasetService datasets, TimeProvider clock)
{
    /// <summary>Inside the completing transaction: publishes the new dataset version, if the work path asks for one.</summary>
    public async Task PublishInAsync(
        CatalogContext db, TaskVersionRecord version, ObjectPath outputRoot, VersionCounts counts, bool validated, CancellationToken cancellationToken)
    {
        var workPath = TaskJson.ReadWorkPath(version.WorkPathJson);
        if (workPath?.Type != SourceTypes.Dataset)
        {
            return;
        }

        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.DatasetId == workPath.Path, cancellationToken)
            ?? throw new ModelArtsException(400, "ModelArts.4352", $"Dataset {workPath.Path} no longer exists; the output stays at {outputRoot}.");
        var name = workPath.VersionName is { Length: > 0 } wanted ? wanted : $"V{dataset.NextVersionNumber:D3}";
        if (await db.DatasetVersions.AnyAsync(v => v.DatasetId == dataset.DatasetId && v.Name == name, cancellationToken))
        {
            throw new ModelArtsException(400, "ModelArts.4371", $"Dataset version '{name}' was created meanwhile in dataset {dataset.DatasetId}.");
        }

        var datasetWork = StoragePathParser.Parse("work_path", dataset.WorkPath);
        var manifest = DatasetLayout.VersionManifest(datasetWork, dataset.DatasetId, name);
        var published = outputRoot.Combine("output.manifest");
        await ManifestFiles.CopyAsync(store, published, manifest, cancellationToken);
        var tally = new ManifestTally();
        await foreach (var sample in ManifestFiles.ReadAsync(store, published, cancellationToken))
        {
            tally.Add(sample);
        }

        var datasetVersion = datasets.NewVersion(dataset, name, version.Description, manifest, tally);
        datasetVersion.AddSampleCount = counts.Added;
        datasetVersion.DeletedSampleCount = counts.Deleted;
        datasetVersion.ModifiedSampleCount = counts.Modified;
        datasetVersion.ProcessorTaskId = version.TaskId;
        datasetVersion.ProcessorTaskStatus = (int)VersionStatus.Completed;
        datasetVersion.DataValidated = validated;
        db.DatasetVersions.Add(datasetVersion);
        DatasetService.MakeCurrent(dataset, datasetVersion, clock.GetUtcNow().ToUnixTimeMilliseconds());
        dataset.TotalSampleCount = tally.Total;
        dataset.AnnotatedSampleCount = tally.Annotated;
        dataset.LabelStatsJson = datasetVersion.LabelStatsJson;

        // The next version of the dataset starts from what this one published.
        await ManifestFiles.CopyAsync(store, published, DatasetLayout.WorkingManifest(datasetWork, dataset.DatasetId), cancellationToken);
        var tracked = await db.Versions.SingleAsync(v => v.VersionId == version.VersionId, cancellationToken);
        tracked.WorkPathJson = TaskJson.Write(workPath with { Name = dataset.Name, VersionId = datasetVersion.VersionId, VersionName = name });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Inside the completing transaction: stores an analysis result on the dataset version it analysed.</summary>
    public static async Task RecordAnalysisInAsync(CatalogContext db, TaskVersionRecord version, string resultJson, CancellationToken cancellationToken)
    {
        var analysed = TaskJson.ReadInputs(version.InputsJson).FirstOrDefault(input => input.Type == SourceTypes.Dataset);
        if (analysed?.VersionId is not { } datasetVersionId)
        {
            return;
        }

        await db.DatasetVersions.Where(v => v.VersionId == datasetVersionId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(v => v.AnalysisStatus, 2)
                .SetProperty(v => v.AnalysisTaskId, version.TaskId)
                .SetProperty(v => v.DataAnalysisJson, resultJson), cancellationToken);
    }
}
