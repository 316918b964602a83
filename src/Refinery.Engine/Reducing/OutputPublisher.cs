using Refinery.Domain;
using Refinery.Engine.Staging;
using Refinery.Storage;

namespace Refinery.Engine.Reducing;

/// <summary>
/// The publish stage: copies a version's staged <c>Data/…</c> into its output path and writes
/// <c>output.manifest</c> last, so a reader that finds the manifest finds every file it names.
/// </summary>
public sealed class OutputPublisher(IObjectStore store, StagingArea staging)
{
    private const int CopyParallelism = 4;

    /// <summary>The published location of an output-relative path.</summary>
    public static ObjectPath DataPath(ObjectPath outputRoot, string relativePath) => outputRoot.Combine("Data").Combine(relativePath);

    public async Task CopyDataAsync(string versionId, ObjectPath outputRoot, CancellationToken cancellationToken)
    {
        var stagedData = staging.Output(versionId).Combine("Data");
        var prefixLength = stagedData.Key.Length + 1;
        await Parallel.ForEachAsync(
            staging.Store.ListAsync(stagedData, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = CopyParallelism, CancellationToken = cancellationToken },
            async (staged, token) =>
            {
                await using var content = await staging.Store.OpenReadAsync(staged.Path, token);
                await store.WriteAsync(DataPath(outputRoot, staged.Path.Key[prefixLength..]), content, token);
            });
    }

    /// <summary>Writes <c>output.manifest</c> from the results, sources pointing at the published files.</summary>
    public Task WriteManifestAsync(
        IAsyncEnumerable<ShardResult> results,
        ObjectPath outputRoot,
        string taskType,
        IReadOnlyDictionary<string, bool>? properties,
        CancellationToken cancellationToken) =>
        ManifestFiles.WriteAsync(
            store,
            outputRoot.Combine("output.manifest"),
            results.Where(result => result.Output is not null).Select(result => Published(result.Output!, outputRoot)),
            taskType,
            properties,
            cancellationToken);

    public Task WithdrawAsync(ObjectPath outputRoot, CancellationToken cancellationToken) =>
        store.DeletePrefixAsync(outputRoot, cancellationToken);

    private static Sample Published(Sample output, ObjectPath outputRoot) => output with
    {
        Source = DataPath(outputRoot, output.Source).ToUri(),
        AnnotationLocation = output.AnnotationLocation is null ? null : DataPath(outputRoot, output.AnnotationLocation).ToUri(),
    };
}
