namespace Refinery.Formats.Manifests;

/// <summary>A manifest line that cannot be read as a sample; the message gives the 1-based line number and the reason.</summary>
public sealed class ManifestFormatException(long lineNumber, string reason, Exception? innerException = null)
    : Exception($"Manifest line {lineNumber}: {reason}", innerException)
{
    /// <summary>The 1-based number of the offending line.</summary>
    public long LineNumber { get; } = lineNumber;

    public string Reason { get; } = reason;
}
