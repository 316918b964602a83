using System.Text;
using Refinery.Domain;

namespace Refinery.Storage.Tests;

public sealed class BucketRouterTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly BucketRouter _router;

    public BucketRouterTests()
    {
        _router = new BucketRouter(new Dictionary<string, IObjectStore>
        {
            ["images"] = new LocalDirectoryStore("images", _directory.Combine("images")),
            ["output"] = new LocalDirectoryStore("output", _directory.Combine("output")),
        });
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Calls_go_to_the_store_that_owns_the_bucket()
    {
        await _router.WriteAsync(new ObjectPath("output", "a.txt"), new MemoryStream("x"u8.ToArray()), CancellationToken.None);

        Assert.True(File.Exists(_directory.Combine("output", "a.txt")));
        Assert.False(File.Exists(_directory.Combine("images", "a.txt")));
        Assert.NotNull(await _router.StatAsync(new ObjectPath("output", "a.txt"), CancellationToken.None));
        Assert.Null(await _router.StatAsync(new ObjectPath("images", "a.txt"), CancellationToken.None));
    }

    [Fact]
    public async Task Reads_and_listings_come_from_the_owning_store()
    {
        await File.WriteAllTextAsync(_directory.Combine("images", "cat.jpg"), "meow");

        await using var stream = await _router.OpenReadAsync(new ObjectPath("images", "cat.jpg"), CancellationToken.None);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        Assert.Equal("meow", await reader.ReadToEndAsync());
        var listed = await _router.ListAsync(new ObjectPath("images", ""), CancellationToken.None).ToListAsync();
        Assert.Equal([new ObjectInfo(new ObjectPath("images", "cat.jpg"), 4)], listed);
    }

    [Fact]
    public async Task An_unknown_bucket_is_refused_with_4311()
    {
        var unknown = new ObjectPath("elsewhere", "a.txt");

        var error = await Assert.ThrowsAsync<ModelArtsException>(() => _router.StatAsync(unknown, CancellationToken.None));

        Assert.Equal("ModelArts.4311", error.ErrorCode);
        Assert.Contains("elsewhere", error.Message, StringComparison.Ordinal);
        Assert.Throws<ModelArtsException>(() => _router.ListAsync(unknown, CancellationToken.None));
    }

    [Fact]
    public void Reports_its_buckets()
    {
        Assert.True(_router.HasBucket("images"));
        Assert.False(_router.HasBucket("Images"));
        Assert.Equal(["images", "output"], _router.Buckets.Order(StringComparer.Ordinal));
    }
}
