using Refinery.Domain;
using Refinery.Operators.Pipeline;
using Refinery.Operators.Tests.Analysis;
using Refinery.Storage;

namespace Refinery.Operators.Tests.Cleaning;

/// <summary>A folder of reference images: its images are its JPEG, PNG and BMP files; a folder without one is a 400.</summary>
public sealed class ReferenceFolderTests
{
    private static readonly ReferenceFolder _folder = new("params.prototype_sample_path", new ObjectPath("imgs", "protos"));

    [Fact]
    public async Task Lists_the_processable_images_under_the_folder_and_nothing_else()
    {
        var store = new MemoryObjectStore();
        store.Put("imgs", "protos/a.JPG", [1]);
        store.Put("imgs", "protos/sub/b.png", [1]);
        store.Put("imgs", "protos/c.bmp", [1]);
        store.Put("imgs", "protos/notes.txt", [1]);
        store.Put("imgs", "protos/d.webp", [1]);
        store.Put("imgs", "other/e.jpg", [1]);

        var images = await _folder.ListImagesAsync(store, CancellationToken.None).Select(path => path.Key).ToListAsync();

        Assert.Equal(["protos/a.JPG", "protos/c.bmp", "protos/sub/b.png"], images);
    }

    [Fact]
    public async Task A_folder_with_an_image_passes_the_check()
    {
        var store = new MemoryObjectStore();
        store.Put("imgs", "protos/a.jpg", [1]);

        await _folder.RequireImagesAsync(store, CancellationToken.None);
    }

    [Theory]
    [InlineData("elsewhere/a.jpg")]
    [InlineData("protos/readme.txt")]
    public async Task A_missing_folder_or_one_without_images_is_400_naming_the_parameter(string onlyObject)
    {
        var store = new MemoryObjectStore();
        store.Put("imgs", onlyObject, [1]);

        var error = await Assert.ThrowsAsync<ModelArtsException>(() => _folder.RequireImagesAsync(store, CancellationToken.None));

        Assert.Equal((400, "ModelArts.0101"), (error.HttpStatus, error.ErrorCode));
        Assert.Contains("params.prototype_sample_path", error.Message, StringComparison.Ordinal);
        Assert.Contains("obs://imgs/protos", error.Message, StringComparison.Ordinal);
    }
}
