using Refinery.Engine.Staging;
using Refinery.Operators;
using Refinery.Storage;

namespace Refinery.Engine.Mapping;

/// <summary>Puts an operator's output files under the version's staging output, <c>Data/…</c>.</summary>
public sealed class StagingOutputWriter(StagingArea staging, IObjectStore inputs, string versionId) : IOutputWriter
{
    /// <summary>The URI later stages read a staged file by (through <see cref="PassInputStore"/>).</summary>
    public string UriOf(string relativePath) => staging.StagedData(versionId, relativePath).ToUri();

    public async Task WriteAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var stream = new ReadOnlyMemoryStream(content);
        await staging.Store.WriteAsync(staging.StagedData(versionId, relativePath), stream, cancellationToken);
    }

    public async Task CopyAsync(string relativePath, ObjectPath source, CancellationToken cancellationToken)
    {
        await using var stream = await inputs.OpenReadAsync(source, cancellationToken);
        await staging.Store.WriteAsync(staging.StagedData(versionId, relativePath), stream, cancellationToken);
    }
}
