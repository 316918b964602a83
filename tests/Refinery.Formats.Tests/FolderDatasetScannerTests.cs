using Refinery.Domain;
using Refinery.Formats.Folders;
using Refinery.Storage;

namespace Refinery.Formats.Tests;

public sealed class FolderDatasetScannerTests : IDisposable
{
    private const string Bucket = "datasets";

    private readonly TemporaryDirectory _directory = new();
    private readonly LocalDirectoryStore _store;

    public FolderDatasetScannerTests()
    {
        _store = new LocalDirectoryStore(Bucket, _directory.Path);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Classification_labels_come_from_the_first_level_folder()
    {
        CreateFiles("flowers/cat/1.jpg", "flowers/dog/2.png", "flowers/3.jpg", "flowers/cat/deeper/still/4.jpeg");

        var scanned = await ScanAsync("flowers", TaskTypes.ImageClassification);

        Assert.Equal(
            [
                ("3.jpg", ""),
                ("cat/1.jpg", "cat"),
                ("cat/deeper/still/4.jpeg", "cat"),
                ("dog/2.png", "dog"),
            ],
            scanned.Select(item => (item.RelativePath, string.Join(',', item.Sample.Labels))).Order());
    }

    [Fact]
    public async Task Sources_are_the_images_obs_uris()
    {
        CreateFiles("flowers/cat/1.jpg");

        var scanned = Assert.Single(await ScanAsync("flowers", TaskTypes.ImageClassification));

        Assert.Equal("obs://datasets/flowers/cat/1.jpg", scanned.Sample.Source);
        Assert.Null(scanned.Sample.Usage);
        Assert.Null(scanned.Sample.Id);
    }

    [Fact]
    public async Task Detection_samples_have_no_labels_even_inside_folders()
    {
        CreateFiles("boxes/cat/1.jpg");

        Assert.Empty(Assert.Single(await ScanAsync("boxes", TaskTypes.ObjectDetection)).Sample.Labels);
    }

    [Fact]
    public async Task An_xml_file_with_the_same_stem_in_the_same_folder_is_the_annotation_whatever_its_case()
    {
        CreateFiles(
            "boxes/1.jpg", "boxes/1.xml",
            "boxes/2.JPG", "boxes/2.XML",
            "boxes/3.png", "boxes/3.xMl",
            "boxes/4.jpg",
            "boxes/5.jpg", "boxes/sub/5.xml",
            "boxes/6.v2.jpg", "boxes/6.v2.xml", "boxes/6.xml",
            "boxes/sub/7.bmp", "boxes/sub/7.xml");

        var scanned = await ScanAsync("boxes", TaskTypes.ObjectDetection);

        Assert.Equal(
            [
                ("1.jpg", "obs://datasets/boxes/1.xml"),
                ("2.JPG", "obs://datasets/boxes/2.XML"),
                ("3.png", "obs://datasets/boxes/3.xMl"),
                ("4.jpg", null),
                ("5.jpg", null),
                ("6.v2.jpg", "obs://datasets/boxes/6.v2.xml"),
                ("sub/7.bmp", "obs://datasets/boxes/sub/7.xml"),
            ],
            scanned.Select(item => (item.RelativePath, item.Sample.AnnotationLocation)).OrderBy(pair => pair.RelativePath, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Classification_samples_also_carry_a_voc_file_when_there_is_one()
    {
        CreateFiles("flowers/cat/1.jpg", "flowers/cat/1.xml");

        var scanned = Assert.Single(await ScanAsync("flowers", TaskTypes.ImageClassification));

        Assert.Equal("obs://datasets/flowers/cat/1.xml", scanned.Sample.AnnotationLocation);
    }

    [Fact]
    public async Task Only_image_extensions_are_scanned_in_any_case_including_unsupported_formats()
    {
        CreateFiles(
            "mixed/a.jpg", "mixed/b.JPEG", "mixed/c.Png", "mixed/d.bmp",
            "mixed/e.webp", "mixed/f.tif", "mixed/g.TIFF", "mixed/h.gif",
            "mixed/i.xml", "mixed/j.txt", "mixed/k.json", "mixed/jpg", "mixed/l.jpg.bak", "mixed/m.svg");

        var scanned = await ScanAsync("mixed", TaskTypes.ImageClassification);

        Assert.Equal(
            ["a.jpg", "b.JPEG", "c.Png", "d.bmp", "e.webp", "f.tif", "g.TIFF", "h.gif"],
            scanned.Select(item => item.RelativePath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Samples_come_in_the_stores_listing_order()
    {
        CreateFiles("d/b/1.jpg", "d/a.jpg", "d/a/2.jpg", "d/B.jpg");

        var scanned = await ScanAsync("d", TaskTypes.ImageClassification);

        Assert.Equal(["B.jpg", "a/2.jpg", "a.jpg", "b/1.jpg"], scanned.Select(item => item.RelativePath));
    }

    [Theory]
    [InlineData("")]
    [InlineData("data/images")]
    [InlineData("data/images/")]
    public async Task Relative_paths_are_relative_to_the_scanned_folder(string folder)
    {
        var prefix = folder.TrimEnd('/');
        CreateFiles(prefix.Length == 0 ? "cat/1.jpg" : $"{prefix}/cat/1.jpg");

        var scanned = Assert.Single(await ScanAsync(folder, TaskTypes.ImageClassification));

        Assert.Equal("cat/1.jpg", scanned.RelativePath);
        Assert.Equal(["cat"], scanned.Sample.Labels);
    }

    [Fact]
    public async Task A_voc_file_linking_outside_the_root_or_in_a_loop_is_not_listed_so_it_is_no_annotation()
    {
        CreateFiles("boxes/out.jpg", "boxes/loop.jpg", "boxes/fine.jpg", "secret.xml");
        var outside = Directory.CreateDirectory(System.IO.Path.Join(_directory.Path, "..", $"outside-{Guid.NewGuid():N}")).FullName;
        try
        {
            File.CreateSymbolicLink(_directory.Combine("boxes", "out.xml"), System.IO.Path.Join(outside, "secret.xml"));
            File.WriteAllText(System.IO.Path.Join(outside, "secret.xml"), "<annotation/>");
            File.CreateSymbolicLink(_directory.Combine("boxes", "loop.xml"), "loop.xml");

            var scanned = await ScanAsync("boxes", TaskTypes.ObjectDetection);

            Assert.Equal(
                [
                    ("fine.jpg", null),
                    ("loop.jpg", null),
                    ("out.jpg", null),
                ],
                scanned.Select(item => (item.RelativePath, item.Sample.AnnotationLocation)));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task An_image_whose_name_holds_a_newline_is_still_a_sample()
    {
        CreateFiles("odd/line\nbreak.jpg", "odd/plain.jpg");

        var scanned = await ScanAsync("odd", TaskTypes.ObjectDetection);

        Assert.Equal(["line\nbreak.jpg", "plain.jpg"], scanned.Select(item => item.RelativePath));
    }

    [Fact]
    public async Task A_missing_folder_has_no_samples() =>
        Assert.Empty(await ScanAsync("missing", TaskTypes.ImageClassification));

    [Fact]
    public async Task An_unknown_task_type_is_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => ScanAsync("", "image_segmentation"));

    [Theory]
    [InlineData("a/b.jpg", true, true)]
    [InlineData("b.JPeG", true, true)]
    [InlineData("c.gif", true, false)]
    [InlineData("d.TIF", true, false)]
    [InlineData("e.xml", false, false)]
    [InlineData("dir.jpg/f", false, false)]
    public void Image_file_types_tell_images_from_supported_images(string key, bool isImage, bool isSupported)
    {
        Assert.Equal(isImage, ImageFileTypes.IsImage(key));
        Assert.Equal(isSupported, ImageFileTypes.IsSupported(key));
    }

    private void CreateFiles(params string[] keys)
    {
        foreach (var key in keys)
        {
            var file = _directory.Combine(key.Split('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, [0xFF, 0xD8]);
        }
    }

    private async Task<List<ScannedSample>> ScanAsync(string folder, string taskType) =>
        await FolderDatasetScanner.ScanAsync(_store, new ObjectPath(Bucket, folder), taskType, CancellationToken.None)
            .ToListAsync();
}
