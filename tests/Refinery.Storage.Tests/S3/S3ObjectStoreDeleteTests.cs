using Refinery.Storage.S3;
using Refinery.TestSupport;

namespace Refinery.Storage.Tests.S3;

[Collection(S3rverCollection.Name)]
public sealed class S3ObjectStoreDeleteTests(S3rverFixture server)
{
    private const string Bucket = "outputs";

    private async Task<S3ObjectStore> StoreWithAsync(params string[] keys)
    {
        var store = new S3ObjectStore(Bucket, server.Options(await server.CreateBucketAsync()) with { ListPageSize = 3 });
        foreach (var key in keys)
        {
            await store.WriteAsync(new ObjectPath(Bucket, key), new MemoryStream([1, 2, 3]), CancellationToken.None);
        }

        return store;
    }

    private static async Task<List<string>> AllKeysAsync(S3ObjectStore store)
    {
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(new ObjectPath(Bucket, ""), CancellationToken.None))
        {
            keys.Add(info.Path.Key);
        }

        return keys;
    }

    [Fact]
    public async Task Delete_removes_one_object_and_leaves_its_neighbours()
    {
        using var store = await StoreWithAsync("a/1.jpg", "a/2.jpg");

        await store.DeleteAsync(new ObjectPath(Bucket, "a/1.jpg"), CancellationToken.None);

        Assert.Equal(["a/2.jpg"], await AllKeysAsync(store));
    }

    [Fact]
    public async Task Deleting_an_absent_object_is_not_an_error()
    {
        using var store = await StoreWithAsync();

        await store.DeleteAsync(new ObjectPath(Bucket, "never/was.jpg"), CancellationToken.None);

        Assert.Empty(await AllKeysAsync(store));
    }

    [Fact]
    public async Task Delete_prefix_removes_everything_beneath_across_pages_and_nothing_beside()
    {
        using var store = await StoreWithAsync(
            "run/1.jpg", "run/2.jpg", "run/a/3.jpg", "run/a/b/4.jpg", "run/c/5.jpg", "run/6.jpg", "run/7.jpg",
            "runner/keep.jpg", "run.manifest", "other/keep.jpg");

        await store.DeletePrefixAsync(new ObjectPath(Bucket, "run"), CancellationToken.None);

        Assert.Equal(["other/keep.jpg", "run.manifest", "runner/keep.jpg"], await AllKeysAsync(store));
    }

    [Fact]
    public async Task Delete_prefix_of_an_absent_prefix_is_not_an_error()
    {
        using var store = await StoreWithAsync("keep.jpg");

        await store.DeletePrefixAsync(new ObjectPath(Bucket, "absent"), CancellationToken.None);

        Assert.Equal(["keep.jpg"], await AllKeysAsync(store));
    }
}
