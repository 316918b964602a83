using Refinery.Storage;

namespace Refinery.Operators.Tests.Validation;

/// <summary>A test-only output: files land under a temporary directory standing for <c>Data/</c>.</summary>
internal sealed class TempDirectoryOutputWriter(string root, IObjectStore inputs) : IOutputWriter
{
    public string Root { get; } = root;

    public string FileOf(string relativePath) => Path.Combine(Root, relativePath);

    public async Task WriteAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var file = FileOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, content.ToArray(), cancellationToken);
    }

    public async Task CopyAsync(string relativePath, ObjectPath source, CancellationToken cancellationToken)
    {
        var file = FileOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var input = await inputs.OpenReadAsync(source, cancellationToken);
        await using var output = File.Create(file);
        await input.CopyToAsync(output, cancellationToken);
    }
}
