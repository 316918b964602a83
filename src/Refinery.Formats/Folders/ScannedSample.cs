using Refinery.Domain;

namespace Refinery.Formats.Folders;

/// <summary>An image found in a folder dataset, with its key relative to the scanned folder (for example <c>cat/1.jpg</c>).</summary>
public sealed record ScannedSample(Sample Sample, string RelativePath);
