using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Security;

/// <summary>
/// A valid image planted beside the server's <c>imgs</c> root, outside every configured root, with a symbolic link
/// inside the root that points at it. A request that escapes the root would read, serve, list or overwrite it.
/// </summary>
public sealed class OutsideSentinel
{
    public const string FolderName = "secret-traversal";
    public const string FileName = "sentinel.jpg";
    public const string LinkName = "traversal-link-out";

    private readonly string _parent;
    private readonly DateTime _writtenAt;

    public OutsideSentinel(RefineryInstance server)
    {
        _parent = Path.GetDirectoryName(server.ImagesDirectory)!;
        Bytes = TestImages.Jpeg(123, 77, 9);
        Directory.CreateDirectory(Folder);
        if (!File.Exists(FilePath))
        {
            File.WriteAllBytes(FilePath, Bytes);
        }

        Bytes = File.ReadAllBytes(FilePath);
        _writtenAt = File.GetLastWriteTimeUtc(FilePath);
        var link = Path.Combine(server.ImagesDirectory, LinkName);
        if (!Path.Exists(link))
        {
            Directory.CreateSymbolicLink(link, Folder);
        }

        EntriesBeside = Directory.GetFileSystemEntries(_parent).Order(StringComparer.Ordinal).ToArray();
    }

    public string Folder => Path.Combine(_parent, FolderName);

    public string FilePath => Path.Combine(Folder, FileName);

    public byte[] Bytes { get; }

    /// <summary>What lies beside the root when the test starts; an escaping write would add to it.</summary>
    public string[] EntriesBeside { get; }

    /// <summary>The sentinel is as planted, alone in its folder, and nothing new appeared beside the root.</summary>
    public void AssertUntouched()
    {
        Assert.Equal(Bytes, File.ReadAllBytes(FilePath));
        Assert.Equal(_writtenAt, File.GetLastWriteTimeUtc(FilePath));
        Assert.Equal([FilePath], Directory.GetFileSystemEntries(Folder));
        Assert.Equal(EntriesBeside, Directory.GetFileSystemEntries(_parent).Order(StringComparer.Ordinal).ToArray());
    }
}
