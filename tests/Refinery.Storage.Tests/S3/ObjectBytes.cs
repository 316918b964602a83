namespace Refinery.Storage.Tests.S3;

/// <summary>Test content and the bytes read back from a store.</summary>
internal static class ObjectBytes
{
    public const int MiB = 1024 * 1024;

    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static async Task<byte[]> ReadAllAsync(IObjectStore store, ObjectPath path)
    {
        await using var stream = await store.OpenReadAsync(path, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
