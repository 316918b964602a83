using Refinery.Storage.S3;
using Refinery.TestSupport;

namespace Refinery.Storage.Tests.S3;

[Collection(S3rverCollection.Name)]
public sealed class S3ObjectStoreListingTests(S3rverFixture server)
{
    private const string Bucket = "datasets";

    private async Task<S3ObjectStore> StoreWithAsync(IEnumerable<string> keys, int pageSize = 1000)
    {
        var store = new S3ObjectStore(Bucket, server.Options(await server.CreateBucketAsync()) with { ListPageSize = pageSize });
        foreach (var key in keys)
        {
            // Lengths differ per key so that a listing that mixed up sizes would show.
            await store.WriteAsync(new ObjectPath(Bucket, key), new MemoryStream(new byte[key.Length]), CancellationToken.None);
        }

        return store;
    }

    private static async Task<List<string>> KeysAsync(S3ObjectStore store, string prefix)
    {
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(new ObjectPath(Bucket, prefix), CancellationToken.None))
        {
            Assert.Equal(info.Path.Key.Length, info.Length);
            Assert.Equal(Bucket, info.Path.Bucket);
            keys.Add(info.Path.Key);
        }

        return keys;
    }

    [Fact]
    public async Task Listing_a_prefix_gives_every_object_beneath_it_recursively_and_nothing_beside_it()
    {
        using var store = await StoreWithAsync(
        [
            "train/cats/1.jpg", "train/cats/2.jpg", "train/dogs/deep/3.jpg", "train/4.jpg",
            "trainee/5.jpg", "test/6.jpg",
        ]);

        var keys = await KeysAsync(store, "train");

        Assert.Equal(["train/4.jpg", "train/cats/1.jpg", "train/cats/2.jpg", "train/dogs/deep/3.jpg"], keys);
    }

    [Fact]
    public async Task Listing_a_prefix_with_a_trailing_slash_is_the_same_as_without()
    {
        using var store = await StoreWithAsync(["a/b/1.jpg", "a/2.jpg", "ab/3.jpg"]);

        Assert.Equal(await KeysAsync(store, "a"), await KeysAsync(store, "a/"));
    }

    [Fact]
    public async Task Listing_the_empty_key_gives_the_whole_bucket()
    {
        using var store = await StoreWithAsync(["z.txt", "a/1.jpg", "m/n/2.jpg"]);

        Assert.Equal(["a/1.jpg", "m/n/2.jpg", "z.txt"], await KeysAsync(store, ""));
    }

    [Fact]
    public async Task Listing_follows_continuation_tokens_across_pages()
    {
        var expected = Enumerable.Range(0, 23).Select(i => $"shards/{i / 10}/{i:D5}.manifest").ToList();
        using var store = await StoreWithAsync(expected, pageSize: 4);

        Assert.Equal(expected, await KeysAsync(store, "shards"));
    }

    [Fact]
    public async Task Listing_visits_a_directory_before_a_sibling_file_whose_name_extends_it()
    {
        using var store = await StoreWithAsync(["out/train.manifest", "out/train/1.jpg", "out/train/2.jpg"]);

        Assert.Equal(["out/train/1.jpg", "out/train/2.jpg", "out/train.manifest"], await KeysAsync(store, "out"));
    }

    [Fact]
    public async Task Listing_an_absent_prefix_gives_nothing()
    {
        using var store = await StoreWithAsync(["a/1.jpg"]);

        Assert.Empty(await KeysAsync(store, "nothing-here"));
    }
}
