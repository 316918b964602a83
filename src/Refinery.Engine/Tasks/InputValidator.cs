using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Engine.Planning;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Engine.Tasks;

/// <summary>
/// Checks a task's inputs, work path and operators' reference folders before anything is written: each path parses,
/// lies in a configured bucket and exists; a task source exists in the same project; the output does not lie inside an
/// input; a reference folder holds images.
/// </summary>
public sealed class InputValidator(BucketRouter buckets, IDbContextFactory<CatalogContext> catalog)
{
    /// <summary>Checks every input and returns them as responses show them: dataset names and versions filled in.</summary>
    public async Task<IReadOnlyList<ProcessorDataSource>> ValidateInputsAsync(
        string projectId, IReadOnlyList<ProcessorDataSource> inputs, string field, CancellationToken cancellationToken)
    {
        var validated = new List<ProcessorDataSource>(inputs.Count);
        for (var index = 0; index < inputs.Count; index++)
        {
            var input = inputs[index];
            var name = inputs.Count == 1 && field == "data_source" ? field : $"{field}[{index}]";
            switch (input.Type)
            {
                case SourceTypes.Obs:
                    await RequireExistingAsync(ParseInBucket($"{name}.source", input.Source), InputResolver.IsManifestInput(input), cancellationToken);
                    break;
                case SourceTypes.Task:
                    await RequireTaskAsync(projectId, input, cancellationToken);
                    break;
                case SourceTypes.Dataset:
                    input = await ResolveDatasetVersionAsync(projectId, input, cancellationToken);
                    break;
                default:
                    throw ModelArtsErrors.InvalidArgument($"{name}.type", $"must be {SourceTypes.Obs}, {SourceTypes.Task} or {SourceTypes.Dataset}; {input.Type} sources are not served here");
            }

            validated.Add(input);
        }

        return validated;
    }

    /// <summary>Checks that every folder of reference images an operator reads exists in its bucket and holds images.</summary>
    public async Task ValidateReferenceFoldersAsync(IReadOnlyList<ReferenceFolder> folders, CancellationToken cancellationToken)
    {
        foreach (var folder in folders)
        {
            await folder.RequireImagesAsync(buckets, cancellationToken);
        }
    }

    /// <summary>
    /// Checks the work path and returns it as responses show it, with the folder a version's
    /// <c>output/&lt;task_version_id&gt;/</c> goes under: the OBS path itself, or the dataset's own work path.
    /// </summary>
    public async Task<(WorkPath WorkPath, ObjectPath OutputBase)> ValidateWorkPathAsync(
        string projectId, WorkPath workPath, IReadOnlyList<ProcessorDataSource> inputs, CancellationToken cancellationToken)
    {
        var (validated, outputBase, field) = workPath.Type == SourceTypes.Dataset
            ? await ValidateDatasetWorkPathAsync(projectId, workPath, cancellationToken)
            : (workPath, ValidateObsWorkPath(workPath), "work_path.path");
        foreach (var input in inputs.Where(input => input.Type == SourceTypes.Obs))
        {
            var source = StoragePathParser.Parse("inputs.source", input.Source!);
            if (buckets.LiesWithin(outputBase, source))
            {
                throw ModelArtsErrors.WorkPathInsideInput(field, outputBase.ToUri(), source.ToUri());
            }
        }

        return (validated, outputBase);
    }

    private async Task<(WorkPath WorkPath, ObjectPath OutputBase, string Field)> ValidateDatasetWorkPathAsync(
        string projectId, WorkPath workPath, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.DatasetId == workPath.Path && d.ProjectId == projectId, cancellationToken)
            ?? throw ModelArtsErrors.DatasetNotFound(workPath.Path ?? "", status: 400);
        if (workPath.VersionName is { Length: > 0 } name
            && await db.DatasetVersions.AnyAsync(version => version.DatasetId == dataset.DatasetId && version.Name == name, cancellationToken))
        {
            throw new ModelArtsException(400, "ModelArts.4371", $"Dataset version '{name}' already exists in dataset {dataset.DatasetId}.");
        }

        return (workPath with { Name = dataset.Name }, StoragePathParser.Parse("work_path", dataset.WorkPath), "work_path (the dataset's work path)");
    }

    private async Task<ProcessorDataSource> ResolveDatasetVersionAsync(string projectId, ProcessorDataSource input, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.DatasetId == input.Source && d.ProjectId == projectId, cancellationToken)
            ?? throw ModelArtsErrors.DatasetNotFound(input.Source ?? "", status: 400);
        var versionId = input.VersionId ?? dataset.CurrentVersionId
            ?? throw new ModelArtsException(400, "ModelArts.4825", $"Dataset {dataset.DatasetId} has no version yet: publish one first.");
        var version = await db.DatasetVersions.AsNoTracking().SingleOrDefaultAsync(v => v.VersionId == versionId && v.DatasetId == dataset.DatasetId, cancellationToken)
            ?? throw ModelArtsErrors.DatasetVersionNotFound(versionId, status: 400);
        return input with { Name = dataset.Name, VersionId = version.VersionId, VersionName = version.Name };
    }

    private ObjectPath ValidateObsWorkPath(WorkPath workPath) =>
        workPath.Type == SourceTypes.Obs
            ? ParseInBucket("work_path.path", workPath.Path)
            : throw ModelArtsErrors.InvalidArgument("work_path.type", $"must be {SourceTypes.Obs}, got '{workPath.Type}'");

    private ObjectPath ParseInBucket(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw ModelArtsErrors.InvalidArgument(field, "is required");
        }

        var path = StoragePathParser.Parse(field, value);
        return buckets.HasBucket(path.Bucket) ? path : throw ModelArtsErrors.BucketMissing(path.Bucket);
    }

    private async Task RequireExistingAsync(ObjectPath path, bool isFile, CancellationToken cancellationToken)
    {
        var exists = isFile
            ? await buckets.StatAsync(path, cancellationToken) is not null
            : await buckets.ListAsync(path, cancellationToken).AnyAsync(cancellationToken);
        if (!exists)
        {
            throw ModelArtsErrors.PathMissing(path.ToUri());
        }
    }

    private async Task RequireTaskAsync(string projectId, ProcessorDataSource input, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var exists = await db.Tasks.AnyAsync(task => task.TaskId == input.Source && task.ProjectId == projectId, cancellationToken);
        if (!exists)
        {
            throw ModelArtsErrors.TaskNotFound(input.Source ?? "", status: 400);
        }

        var completed = await db.Versions.AnyAsync(
            version => version.TaskId == input.Source && version.Status == (int)VersionStatus.Completed
                && (input.VersionId == null || version.VersionId == input.VersionId), cancellationToken);
        if (!completed)
        {
            throw input.VersionId is null
                ? ModelArtsErrors.InvalidArgument("inputs.source", $"task {input.Source} has no completed version to read")
                : ModelArtsErrors.VersionNotFound(input.VersionId, status: 400);
        }
    }
}
