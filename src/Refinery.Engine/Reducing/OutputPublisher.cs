using Refinery.Domain;
using Refinery.Engine.Mapping;
using Refinery.Engine.Staging;
using Refinery.Storage;

namespace Refinery.Engine.Reducing;

/// <summary>
/// The publish stage: copies each surviving sample's files — from staging where a stage wrote them, from the inputs
/// where none did — into the version's output <c>Data/…</c>, and writes <c>output.manifest</c> last, so a reader that
/// finds the manifest finds every file it names. Removed samples' staged files are never published.
/// </summary>
public sealed class OutputPublisher(IObjectStore store, StagingArea staging)
{
    private const int CopyParallelism = 4;

    /// <summary>The published location of an output-relative path.</summary>
    public static ObjectPath DataPath(ObjectPath outputRoot, string relativePath) => outputRoot.Combine("Data").Combine(relativePath);

    /// <param name="survivors">Yields the same surviving samples each time it is called; called twice (files, then manifest).</param>
    public async Task PublishAsync(
        string versionId,
        Func<IAsyncEnumerable<ShardResult>> survivors,
        ObjectPath outputRoot,
        string taskType,
        IReadOnlyDictionary<string, bool>? properties,
        CancellationToken cancellationToken)
    {
        var sources = new PassInputStore(store, staging, versionId);
        await Parallel.ForEachAsync(
            survivors(),
            new ParallelOptions { MaxDegreeOfParallelism = CopyParallelism, CancellationToken = cancellationToken },
            async (result, token) =>
            {
                await CopyAsync(sources, result.Location!.Source, DataPath(outputRoot, result.Output!.Source), token);
                if (result.Output.AnnotationLocation is { } annotation)
                {
                    await CopyAsync(sources, result.Location.AnnotationLocation!, DataPath(outputRoot, annotation), token);
                }
            });

        await ManifestFiles.WriteAsync(
            store,
            outputRoot.Combine("output.manifest"),
            survivors().Select(result => Published(result.Output!, outputRoot)),
            taskType,
            properties,
            cancellationToken);
    }

    public Task WithdrawAsync(ObjectPath outputRoot, CancellationToken cancellationToken) =>
        store.DeletePrefixAsync(outputRoot, cancellationToken);

    private static async Task CopyAsync(PassInputStore sources, string from, ObjectPath to, CancellationToken cancellationToken)
    {
        await using var content = await sources.OpenReadAsync(StoragePathParser.Parse("source", from), cancellationToken);
        await sources.WriteAsync(to, content, cancellationToken);
    }

    private static Sample Published(Sample output, ObjectPath outputRoot) => output with
    {
        Source = DataPath(outputRoot, output.Source).ToUri(),
        AnnotationLocation = output.AnnotationLocation is null ? null : DataPath(outputRoot, output.AnnotationLocation).ToUri(),
    };
}
