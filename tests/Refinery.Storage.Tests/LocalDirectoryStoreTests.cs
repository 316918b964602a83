using System.Text;
using Refinery.Domain;

namespace Refinery.Storage.Tests;

public sealed class LocalDirectoryStoreTests : IDisposable
{
    private const string Bucket = "data";

    private readonly TemporaryDirectory _directory = new();
    private readonly string _root;
    private readonly LocalDirectoryStore _store;

    public LocalDirectoryStoreTests()
    {
        _root = _directory.Combine("root");
        _store = new LocalDirectoryStore(Bucket, _root);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_constructor_creates_a_missing_root_directory() => Assert.True(Directory.Exists(_root));

    [Fact]
    public async Task Write_then_read_returns_the_same_bytes_and_creates_directories()
    {
        await WriteAsync("a/b/c.txt", "hello");

        Assert.Equal("hello", await File.ReadAllTextAsync(Path.Join(_root, "a", "b", "c.txt")));
        Assert.Equal("hello", await ReadAsync("a/b/c.txt"));
    }

    [Fact]
    public async Task Write_replaces_an_existing_object()
    {
        await WriteAsync("a.txt", "first version, longer");
        await WriteAsync("a.txt", "second");

        Assert.Equal("second", await ReadAsync("a.txt"));
    }

    [Fact]
    public async Task Write_leaves_no_temporary_files_behind()
    {
        await WriteAsync("a.txt", "one");
        await WriteAsync("dir/b.txt", "two");
        await WriteAsync("a.txt", "three");

        Assert.Empty(TemporaryFiles());
    }

    [Fact]
    public async Task A_write_that_fails_midway_leaves_the_old_object_and_no_temporary_file()
    {
        await WriteAsync("a.txt", "intact");

        await Assert.ThrowsAsync<IOException>(
            () => _store.WriteAsync(At("a.txt"), new FailingStream(100_000), CancellationToken.None));

        Assert.Equal("intact", await ReadAsync("a.txt"));
        Assert.Empty(TemporaryFiles());
    }

    [Fact]
    public async Task A_cancelled_write_creates_nothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _store.WriteAsync(At("new.txt"), new MemoryStream([1, 2, 3]), new CancellationToken(canceled: true)));

        Assert.Null(await _store.StatAsync(At("new.txt"), CancellationToken.None));
        Assert.Empty(TemporaryFiles());
    }

    [Fact]
    public async Task Write_refuses_keys_that_use_the_temporary_file_prefix()
    {
        var error = await Assert.ThrowsAsync<ModelArtsException>(() => WriteAsync(".refinery-tmp-x", "data"));

        Assert.Equal("ModelArts.4313", error.ErrorCode);
    }

    [Fact]
    public async Task Stat_gives_the_length_of_an_object_and_null_for_an_absent_one()
    {
        await WriteAsync("a.txt", "12345");

        Assert.Equal(new ObjectInfo(At("a.txt"), 5), await _store.StatAsync(At("a.txt"), CancellationToken.None));
        Assert.Null(await _store.StatAsync(At("b.txt"), CancellationToken.None));
        Assert.Null(await _store.StatAsync(At("missing/b.txt"), CancellationToken.None));
    }

    [Fact]
    public async Task Stat_of_a_directory_is_null_because_directories_are_not_objects()
    {
        await WriteAsync("dir/a.txt", "x");

        Assert.Null(await _store.StatAsync(At("dir"), CancellationToken.None));
    }

    [Fact]
    public async Task OpenRead_returns_a_file_stream_opened_for_asynchronous_reads()
    {
        await WriteAsync("a.txt", "x");

        await using var stream = await _store.OpenReadAsync(At("a.txt"), CancellationToken.None);

        var file = Assert.IsType<FileStream>(stream);
        Assert.True(file.IsAsync);
        Assert.False(file.CanWrite);
    }

    [Theory]
    [InlineData("missing.txt")]
    [InlineData("missing/dir/a.txt")]
    [InlineData("dir")]
    public async Task OpenRead_of_an_absent_object_throws_object_not_found(string key)
    {
        await WriteAsync("dir/a.txt", "x");

        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(
            () => _store.OpenReadAsync(At(key), CancellationToken.None));

        Assert.Equal(At(key), error.Path);
    }

    [Fact]
    public async Task List_recurses_depth_first_with_each_directory_in_ordinal_order()
    {
        foreach (var key in new[] { "b.txt", "a/2.txt", "a/1.txt", "a/sub/x.bin", "B.txt", "a.txt", "a/10.txt", "c/d/e/f.txt" })
        {
            await WriteAsync(key, key);
        }

        var keys = await ListKeysAsync("");

        Assert.Equal(
            ["B.txt", "a/1.txt", "a/10.txt", "a/2.txt", "a/sub/x.bin", "a.txt", "b.txt", "c/d/e/f.txt"],
            keys);
    }

    [Fact]
    public async Task List_reports_lengths_and_keys_relative_to_the_bucket()
    {
        await WriteAsync("images/cats/1.jpg", "abc");
        await WriteAsync("images/dogs/2.jpg", "abcd");
        await WriteAsync("other/3.jpg", "x");

        var listed = await _store.ListAsync(At("images/"), CancellationToken.None).ToListAsync();

        Assert.Equal(
            [new ObjectInfo(At("images/cats/1.jpg"), 3), new ObjectInfo(At("images/dogs/2.jpg"), 4)],
            listed);
    }

    [Fact]
    public async Task List_skips_temporary_files_of_writes_in_progress()
    {
        await WriteAsync("dir/a.txt", "x");
        await File.WriteAllTextAsync(Path.Join(_root, "dir", ".refinery-tmp-0123"), "partial");

        Assert.Equal(["dir/a.txt"], await ListKeysAsync("dir"));
    }

    [Fact]
    public async Task List_of_a_missing_directory_is_empty()
    {
        await WriteAsync("a.txt", "x");

        Assert.Empty(await ListKeysAsync("missing"));
        Assert.Empty(await ListKeysAsync("a.txt"));
    }

    [Fact]
    public async Task List_is_lazy_and_stops_when_the_caller_stops()
    {
        for (var index = 0; index < 20; index++)
        {
            await WriteAsync($"d{index:D2}/f.txt", "x");
        }

        var first = await _store.ListAsync(At(""), CancellationToken.None).Take(1).ToListAsync();

        Assert.Equal([At("d00/f.txt")], first.Select(info => info.Path));
    }

    [Fact]
    public async Task Delete_removes_an_object_and_ignores_an_absent_one()
    {
        await WriteAsync("a.txt", "x");

        await _store.DeleteAsync(At("a.txt"), CancellationToken.None);
        await _store.DeleteAsync(At("a.txt"), CancellationToken.None);

        Assert.False(File.Exists(Path.Join(_root, "a.txt")));
    }

    [Fact]
    public async Task DeletePrefix_removes_the_directory_tree_and_nothing_else()
    {
        await WriteAsync("out/a.txt", "x");
        await WriteAsync("out/deep/b.txt", "x");
        await WriteAsync("outside.txt", "x");

        await _store.DeletePrefixAsync(At("out"), CancellationToken.None);
        await _store.DeletePrefixAsync(At("never-existed"), CancellationToken.None);

        Assert.False(Directory.Exists(Path.Join(_root, "out")));
        Assert.Equal(["outside.txt"], await ListKeysAsync(""));
    }

    [Fact]
    public async Task Two_deletes_of_the_same_prefix_at_once_both_succeed_and_leave_nothing()
    {
        // A version's staging is cleared by the engine when it ends while a user may delete its task at that moment.
        for (var round = 0; round < 20; round++)
        {
            for (var folder = 0; folder < 20; folder++)
            {
                for (var file = 0; file < 10; file++)
                {
                    Directory.CreateDirectory(Path.Join(_root, "staging", $"f{folder}"));
                    await File.WriteAllTextAsync(Path.Join(_root, "staging", $"f{folder}", $"{file}.bin"), "x");
                }
            }

            using var start = new Barrier(2);
            var deletes = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                start.SignalAndWait();
                await _store.DeletePrefixAsync(At("staging"), CancellationToken.None);
            }));
            await Task.WhenAll(deletes);

            Assert.False(Directory.Exists(Path.Join(_root, "staging")));
        }
    }

    [Fact]
    public async Task DeletePrefix_of_the_whole_bucket_empties_it_but_keeps_its_directory()
    {
        await WriteAsync("a/b.txt", "x");
        await WriteAsync("c.txt", "x");

        await _store.DeletePrefixAsync(At(""), CancellationToken.None);

        Assert.True(Directory.Exists(_root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("a/../../secret.txt")]
    [InlineData("a/..")]
    [InlineData("./a.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\..\\..\\secret.txt")]
    [InlineData("a//b")]
    public async Task Keys_that_could_leave_the_root_are_refused_with_4313(string key)
    {
        await File.WriteAllTextAsync(_directory.Combine("secret.txt"), "secret");

        await AssertConfinementErrorAsync(() => _store.OpenReadAsync(At(key), CancellationToken.None));
        await AssertConfinementErrorAsync(() => _store.StatAsync(At(key), CancellationToken.None));
        await AssertConfinementErrorAsync(() => WriteAsync(key, "overwritten"));
        await AssertConfinementErrorAsync(() => _store.DeleteAsync(At(key), CancellationToken.None));
        await AssertConfinementErrorAsync(() => _store.DeletePrefixAsync(At(key), CancellationToken.None));
        Assert.Equal("secret", await File.ReadAllTextAsync(_directory.Combine("secret.txt")));
    }

    [Fact]
    public async Task A_symbolic_link_to_a_directory_outside_the_root_cannot_be_used()
    {
        var outside = Directory.CreateDirectory(_directory.Combine("outside")).FullName;
        await File.WriteAllTextAsync(Path.Join(outside, "secret.txt"), "secret");
        Directory.CreateSymbolicLink(Path.Join(_root, "escape"), outside);

        await AssertConfinementErrorAsync(() => _store.OpenReadAsync(At("escape/secret.txt"), CancellationToken.None));
        await AssertConfinementErrorAsync(() => _store.StatAsync(At("escape/secret.txt"), CancellationToken.None));
        await AssertConfinementErrorAsync(() => WriteAsync("escape/planted.txt", "x"));
        await AssertConfinementErrorAsync(() => _store.DeleteAsync(At("escape/secret.txt"), CancellationToken.None));
        await AssertConfinementErrorAsync(() => _store.DeletePrefixAsync(At("escape"), CancellationToken.None));
        await AssertConfinementErrorAsync(() => ListKeysAsync("escape"));
        Assert.Empty(await ListKeysAsync(""));
        Assert.Equal(["secret.txt"], Directory.EnumerateFileSystemEntries(outside).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_symbolic_link_to_a_file_outside_the_root_is_neither_read_nor_listed()
    {
        var secret = _directory.Combine("secret.txt");
        await File.WriteAllTextAsync(secret, "secret");
        File.CreateSymbolicLink(Path.Join(_root, "innocent.txt"), secret);
        File.CreateSymbolicLink(Path.Join(_root, "relative.txt"), "../secret.txt");

        await AssertConfinementErrorAsync(() => _store.OpenReadAsync(At("innocent.txt"), CancellationToken.None));
        await AssertConfinementErrorAsync(() => _store.OpenReadAsync(At("relative.txt"), CancellationToken.None));
        Assert.Empty(await ListKeysAsync(""));
    }

    [Fact]
    public async Task A_symbolic_link_that_stays_inside_the_root_is_followed()
    {
        await WriteAsync("real/a.txt", "inside");
        Directory.CreateSymbolicLink(Path.Join(_root, "alias"), "real");
        File.CreateSymbolicLink(Path.Join(_root, "real", "b.txt"), "a.txt");

        Assert.Equal("inside", await ReadAsync("alias/a.txt"));
        Assert.Equal(["real/a.txt", "real/b.txt"], await ListKeysAsync(""));
    }

    [Fact]
    public async Task A_symbolic_link_loop_is_a_4313_naming_the_object_not_the_server_path_and_not_a_hang()
    {
        Directory.CreateSymbolicLink(Path.Join(_root, "loop"), "loop");

        var error = await Assert.ThrowsAsync<ModelArtsException>(() => _store.StatAsync(At("loop/a.txt"), CancellationToken.None));
        Assert.Equal("ModelArts.4313", error.ErrorCode);
        Assert.Contains("obs://data/loop/a.txt", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_root, error.Message, StringComparison.Ordinal);
        await AssertConfinementErrorAsync(() => ListKeysAsync("loop"));
        Assert.Empty(await ListKeysAsync(""));
    }

    [Fact]
    public void Canonicalize_follows_an_alias_inside_the_root_to_the_key_it_names()
    {
        Directory.CreateDirectory(Path.Join(_root, "real", "deeper"));
        Directory.CreateSymbolicLink(Path.Join(_root, "alias"), "real");

        Assert.Equal(At("real/deeper/new"), _store.Canonicalize(At("alias/deeper/new")));
        Assert.Equal(At("real"), _store.Canonicalize(At("alias/")));
        Assert.Equal(At(""), _store.Canonicalize(At("")));
    }

    [Fact]
    public async Task Canonicalize_refuses_a_path_through_a_link_that_leads_outside_the_root()
    {
        Directory.CreateSymbolicLink(Path.Join(_root, "escape"), Directory.CreateDirectory(_directory.Combine("outside")).FullName);

        await AssertConfinementErrorAsync(() => Task.FromResult(_store.Canonicalize(At("escape/out"))));
    }

    [Fact]
    public async Task A_root_reached_through_a_symbolic_link_still_works()
    {
        var linkedRoot = _directory.Combine("linked-root");
        Directory.CreateSymbolicLink(linkedRoot, _root);
        var store = new LocalDirectoryStore(Bucket, linkedRoot);

        await store.WriteAsync(At("a.txt"), new MemoryStream("x"u8.ToArray()), CancellationToken.None);

        Assert.Equal(["a.txt"], await ListKeysAsync(""));
    }

    [Fact]
    public async Task Another_bucket_is_refused_with_4311()
    {
        var error = await Assert.ThrowsAsync<ModelArtsException>(
            () => _store.StatAsync(new ObjectPath("other", "a.txt"), CancellationToken.None));

        Assert.Equal("ModelArts.4311", error.ErrorCode);
    }

    private static ObjectPath At(string key) => new(Bucket, key);

    private static async Task AssertConfinementErrorAsync(Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<ModelArtsException>(action);
        Assert.Equal("ModelArts.4313", error.ErrorCode);
    }

    private Task WriteAsync(string key, string text) =>
        _store.WriteAsync(At(key), new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    private async Task<string> ReadAsync(string key)
    {
        await using var stream = await _store.OpenReadAsync(At(key), CancellationToken.None);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private async Task<List<string>> ListKeysAsync(string prefix) =>
        await _store.ListAsync(At(prefix), CancellationToken.None).Select(info => info.Path.Key).ToListAsync();

    private IEnumerable<string> TemporaryFiles() =>
        Directory.EnumerateFiles(_root, ".refinery-tmp-*", SearchOption.AllDirectories);
}
