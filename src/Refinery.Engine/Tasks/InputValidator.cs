using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Engine.Planning;
using Refinery.Storage;

namespace Refinery.Engine.Tasks;

/// <summary>
/// Checks a task's inputs and work path before anything is written: each path parses, lies in a configured
/// bucket and exists; a task source exists in the same project; the output does not lie inside an input.
/// </summary>
public sealed class InputValidator(BucketRouter buckets, IDbContextFactory<CatalogContext> catalog)
{
    public async Task ValidateInputsAsync(string projectId, IReadOnlyList<ProcessorDataSource> inputs, string field, CancellationToken cancellationToken)
    {
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
                    throw ModelArtsErrors.DatasetNotFound(input.Source ?? "", status: 400);
                default:
                    throw ModelArtsErrors.InvalidArgument($"{name}.type", $"must be {SourceTypes.Obs}, {SourceTypes.Task} or {SourceTypes.Dataset}; {input.Type} sources are not served here");
            }
        }
    }

    public ObjectPath ValidateWorkPath(WorkPath workPath, IReadOnlyList<ProcessorDataSource> inputs)
    {
        if (workPath.Type != SourceTypes.Obs)
        {
            throw ModelArtsErrors.InvalidArgument("work_path.type", $"must be {SourceTypes.Obs}, got '{workPath.Type}'");
        }

        var output = ParseInBucket("work_path.path", workPath.Path);
        foreach (var input in inputs.Where(input => input.Type == SourceTypes.Obs))
        {
            var source = StoragePathParser.Parse("inputs.source", input.Source!);
            if (source.Bucket == output.Bucket && IsSameOrUnder(output.Key, source.Key))
            {
                throw new ModelArtsException(400, "ModelArts.4205", $"work_path.path {output.ToUri()} must not be the input path {source.ToUri()} or lie inside it.");
            }
        }

        return output;
    }

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

    private static bool IsSameOrUnder(string key, string directory) =>
        directory.Length == 0 || key == directory || key.StartsWith(directory + "/", StringComparison.Ordinal);
}
