using Refinery.Engine.Staging;
using Refinery.Operators;
using Refinery.Storage;

namespace Refinery.Engine.Mapping;

/// <summary>Puts an operator's output files under the version's staging output, <c>Data/…</c>.</summary>
public sealed class StagingOutputWriter(StagingArea staging, IObjectStore inputs, string versionId) : IOutputWriter
{
    private readonly ObjectPath _data = staging.Output(versionId).Combine("Data");

    public async Task WriteAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var stream = new ReadOnlyMemoryStream(content);
        await staging.Store.WriteAsync(_data.Combine(relativePath), stream, cancellationToken);
    }

    public async Task CopyAsync(string relativePath, ObjectPath source, CancellationToken cancellationToken)
    {
        await using var stream = await inputs.OpenReadAsync(source, cancellationToken);
        await staging.Store.WriteAsync(_data.Combine(relativePath), stream, cancellationToken);
    }
}
