namespace Refinery.Storage;

/// <summary>One directory in a depth-first listing: its sorted entries and how far the listing has got through them.</summary>
internal sealed class DirectoryListingFrame(FileSystemInfo[] entries, string key)
{
    public FileSystemInfo[] Entries { get; } = entries;

    /// <summary>The directory's key relative to the bucket, empty for the bucket's root.</summary>
    public string Key { get; } = key;

    public int Next { get; set; }
}
