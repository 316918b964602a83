using Refinery.Storage.S3;
using Refinery.TestSupport;

namespace Refinery.Storage.Tests.S3;

[Collection(S3rverCollection.Name)]
public sealed class S3ObjectStoreReadWriteTests(S3rverFixture server)
{
    private const string Bucket = "images";

    // The smallest parts S3 allows, so a 21 MiB object becomes 5 parts (the last one short) in well under a second.
    private S3ObjectStore SmallPartStore() => new(Bucket, server.Options() with
    {
        PartSize = S3StoreOptions.MinimumPartSize,
        MultipartThreshold = S3StoreOptions.MinimumPartSize,
    });

    private static ObjectPath UniquePath(string name) => new(Bucket, $"{Guid.NewGuid():N}/{name}");

    [Fact]
    public async Task A_small_object_reads_back_byte_for_byte()
    {
        using var store = new S3ObjectStore(Bucket, server.Options());
        var path = UniquePath("cat.jpg");
        var content = ObjectBytes.Random(100_003, seed: 1);

        await store.WriteAsync(path, new MemoryStream(content), CancellationToken.None);

        Assert.Equal(content, await ObjectBytes.ReadAllAsync(store, path));
    }

    [Fact]
    public async Task An_empty_object_reads_back_empty()
    {
        using var store = new S3ObjectStore(Bucket, server.Options());
        var path = UniquePath("empty.txt");

        await store.WriteAsync(path, new MemoryStream(), CancellationToken.None);

        Assert.Empty(await ObjectBytes.ReadAllAsync(store, path));
        Assert.Equal(0, (await store.StatAsync(path, CancellationToken.None))?.Length);
    }

    [Fact]
    public async Task A_multipart_object_from_a_seekable_stream_reads_back_byte_for_byte()
    {
        using var store = SmallPartStore();
        var path = UniquePath("large.bin");
        var content = ObjectBytes.Random((21 * ObjectBytes.MiB) + 7, seed: 2);

        await store.WriteAsync(path, new MemoryStream(content), CancellationToken.None);

        Assert.Equal(content, await ObjectBytes.ReadAllAsync(store, path));
    }

    [Fact]
    public async Task A_multipart_object_from_a_stream_of_unknown_length_reads_back_byte_for_byte()
    {
        using var store = new S3ObjectStore(Bucket, server.Options() with
        {
            PartSize = S3StoreOptions.MinimumPartSize,
            // Not a multiple of the part size: the buffered head is cut into parts with a remainder carried over.
            MultipartThreshold = 7 * ObjectBytes.MiB,
        });
        var path = UniquePath("piped.bin");
        var content = ObjectBytes.Random(21 * ObjectBytes.MiB, seed: 3);

        await store.WriteAsync(path, new ForwardOnlyStream(content, maxChunk: 65_537), CancellationToken.None);

        Assert.Equal(content, await ObjectBytes.ReadAllAsync(store, path));
    }

    [Fact]
    public async Task An_object_of_exactly_the_threshold_reads_back_byte_for_byte()
    {
        using var store = SmallPartStore();
        var path = UniquePath("boundary.bin");
        var content = ObjectBytes.Random(S3StoreOptions.MinimumPartSize, seed: 4);

        await store.WriteAsync(path, new ForwardOnlyStream(content, maxChunk: 1 << 20), CancellationToken.None);

        Assert.Equal(content, await ObjectBytes.ReadAllAsync(store, path));
    }

    [Fact]
    public async Task Writing_again_replaces_the_whole_object()
    {
        using var store = new S3ObjectStore(Bucket, server.Options());
        var path = UniquePath("label.xml");
        await store.WriteAsync(path, new MemoryStream(ObjectBytes.Random(5000, seed: 5)), CancellationToken.None);
        var replacement = ObjectBytes.Random(300, seed: 6);

        await store.WriteAsync(path, new MemoryStream(replacement), CancellationToken.None);

        Assert.Equal(replacement, await ObjectBytes.ReadAllAsync(store, path));
    }

    [Fact]
    public async Task Stat_gives_the_length_of_a_present_object()
    {
        using var store = new S3ObjectStore(Bucket, server.Options());
        var path = UniquePath("dog.png");
        await store.WriteAsync(path, new MemoryStream(ObjectBytes.Random(4321, seed: 7)), CancellationToken.None);

        var info = await store.StatAsync(path, CancellationToken.None);

        Assert.Equal(new ObjectInfo(path, 4321), info);
    }

    [Fact]
    public async Task Stat_gives_null_for_an_absent_object()
    {
        using var store = new S3ObjectStore(Bucket, server.Options());

        Assert.Null(await store.StatAsync(UniquePath("missing.png"), CancellationToken.None));
    }

    [Fact]
    public async Task Opening_an_absent_object_throws_ObjectNotFoundException_naming_it()
    {
        using var store = new S3ObjectStore(Bucket, server.Options());
        var path = UniquePath("missing.png");

        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(
            () => store.OpenReadAsync(path, CancellationToken.None));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public async Task A_cancelled_multipart_write_leaves_no_object()
    {
        using var store = SmallPartStore();
        var path = UniquePath("cancelled.bin");
        using var cancellation = new CancellationTokenSource();
        var content = new ForwardOnlyStream(ObjectBytes.Random(12 * ObjectBytes.MiB, seed: 8), maxChunk: 1 << 20, read =>
        {
            if (read >= 8 * ObjectBytes.MiB)
            {
                cancellation.Cancel();
                cancellation.Token.ThrowIfCancellationRequested();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.WriteAsync(path, content, cancellation.Token));

        Assert.Null(await store.StatAsync(path, CancellationToken.None));
    }

    [Fact]
    public async Task A_path_in_another_bucket_is_refused()
    {
        using var store = new S3ObjectStore(Bucket, server.Options());

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => store.StatAsync(new ObjectPath("other", "a.jpg"), CancellationToken.None));

        Assert.Contains("obs://other/a.jpg", error.Message, StringComparison.Ordinal);
    }
}
