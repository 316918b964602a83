using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Formats.Folders;
using Refinery.Storage;

namespace Refinery.Engine.Planning;

/// <summary>
/// Turns a version's inputs into a stream of samples: an OBS folder (scanned recursively), an OBS <c>.manifest</c>
/// file, or the published output of another task. Streams: it never holds the dataset in memory, only each sample's
/// id and output name when inputs can list a sample twice.
/// </summary>
public sealed class InputResolver(IObjectStore store, IDbContextFactory<CatalogContext> catalog)
{
    /// <param name="duplicates">Counts the samples listed more than once; only their first listing is yielded.</param>
    /// <param name="reservedName">Names the template's added samples may take, which no input may have; null for none.</param>
    public async IAsyncEnumerable<PlannedSample> ResolveAsync(
        IReadOnlyList<ProcessorDataSource> inputs,
        string taskType,
        DuplicateListings duplicates,
        Func<string, bool>? reservedName,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(duplicates);

        // A single folder input lists each file once, so its names cannot collide with each other; everything else is
        // checked, and so is every name when some are reserved (a renamed input could take another input's name).
        var canRepeat = inputs.Count > 1 || IsManifestInput(inputs[0]);
        var names = canRepeat || reservedName is not null ? new OutputNameAllocator(reservedName) : null;
        for (var index = 0; index < inputs.Count; index++)
        {
            var input = inputs[index];
            var field = $"inputs[{index}].source";
            var samples = input.Type switch
            {
                SourceTypes.Obs when IsManifestInput(input) => FromManifestAsync(StoragePathParser.Parse(field, input.Source!), cancellationToken),
                SourceTypes.Obs => FromFolderAsync(StoragePathParser.Parse(field, input.Source!), taskType, cancellationToken),
                SourceTypes.Task => FromTaskAsync(input.Source!, input.VersionId, cancellationToken),
                SourceTypes.Dataset => FromDatasetAsync(input.VersionId!, cancellationToken),
                _ => throw new InvalidOperationException($"Input type {input.Type} cannot be read."),
            };

            await foreach (var planned in samples)
            {
                if (names is null)
                {
                    yield return planned;
                }
                else if (duplicates.IsFirstListing(planned.Sample))
                {
                    yield return planned with { OutputName = names.Allocate(planned.OutputName) };
                }
            }
        }
    }

    public static bool IsManifestInput(ProcessorDataSource input) =>
        input.Type is SourceTypes.Task or SourceTypes.Dataset
        || (input.Type == SourceTypes.Obs && (input.Source ?? "").EndsWith(".manifest", StringComparison.OrdinalIgnoreCase));

    private async IAsyncEnumerable<PlannedSample> FromFolderAsync(
        ObjectPath folder, string taskType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var scanned in FolderDatasetScanner.ScanAsync(store, folder, taskType, cancellationToken))
        {
            yield return new PlannedSample(scanned.Sample, scanned.RelativePath);
        }
    }

    private async IAsyncEnumerable<PlannedSample> FromManifestAsync(ObjectPath manifest, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var sample in ManifestFiles.ReadAsync(store, manifest, cancellationToken))
        {
            yield return new PlannedSample(sample, OutputNameOf(sample));
        }
    }

    private async IAsyncEnumerable<PlannedSample> FromTaskAsync(
        string taskId, string? versionId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var manifest = await PublishedManifestAsync(taskId, versionId, cancellationToken);
        await foreach (var planned in FromManifestAsync(manifest, cancellationToken))
        {
            yield return planned;
        }
    }

    private async IAsyncEnumerable<PlannedSample> FromDatasetAsync(string datasetVersionId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var planned in FromManifestAsync(await DatasetManifestAsync(datasetVersionId, cancellationToken), cancellationToken))
        {
            yield return planned;
        }
    }

    /// <summary>The frozen manifest of a dataset version.</summary>
    public async Task<ObjectPath> DatasetManifestAsync(string datasetVersionId, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var manifest = await db.DatasetVersions.Where(version => version.VersionId == datasetVersionId)
            .Select(version => version.ManifestPath).SingleOrDefaultAsync(cancellationToken)
            ?? throw ModelArtsErrors.DatasetVersionNotFound(datasetVersionId, status: 400);
        return StoragePathParser.Parse("inputs.version_id", manifest);
    }

    /// <summary>The <c>output.manifest</c> of a task's completed version: the one named, else the latest.</summary>
    public async Task<ObjectPath> PublishedManifestAsync(string taskId, string? versionId, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var version = await db.Versions.AsNoTracking()
            .Where(v => v.TaskId == taskId && v.Status == (int)VersionStatus.Completed && (versionId == null || v.VersionId == versionId))
            .OrderByDescending(v => v.Sequence)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw ModelArtsErrors.InvalidArgument("inputs.source", $"task {taskId} has no completed version{(versionId is null ? "" : $" {versionId}")} to read");
        var workPath = TaskJson.ReadWorkPath(version.WorkPathJson)
            ?? throw ModelArtsErrors.InvalidArgument("inputs.source", $"task {taskId} version {version.VersionName} published no output");
        return StoragePathParser.Parse("inputs.source", workPath.OutputPath!).Combine("output.manifest");
    }

    private static string OutputNameOf(Sample sample)
    {
        var fileName = LabelFolderName.From(sample.Source[(sample.Source.LastIndexOf('/') + 1)..]);
        return sample.Labels.Count > 0 ? $"{LabelFolderName.From(sample.Labels[0])}/{fileName}" : fileName;
    }
}
