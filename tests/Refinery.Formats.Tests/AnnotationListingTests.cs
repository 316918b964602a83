using FsCheck.Xunit;
using Refinery.Domain;
using Refinery.Formats.Folders;
using Refinery.Storage;

namespace Refinery.Formats.Tests;

/// <summary>Annotations are matched from the folder's one listing, never by looking up each candidate name.</summary>
public sealed class AnnotationListingTests
{
    private const string Bucket = "datasets";

    // Names chosen where the listing order is tricky: upper-case ".XML" before ".jpg", a sub-folder "a.k" between
    // "a.jpg" and "a.xml", a stem that is a prefix of another ("a" and "a.v2"), the same stem in a sub-folder.
    private static readonly string[] _universe =
    [
        .. from folder in new[] { "", "a.k/", "sub/" }
           from stem in new[] { "a", "a.v2", "b" }
           from extension in new[] { "jpg", "JPG", "png", "xml", "XML", "xMl", "txt" }
           select $"d/{folder}{stem}.{extension}",
    ];

    [Property(MaxTest = 300)]
    public bool Each_image_gets_the_first_listed_xml_with_its_stem_and_images_keep_the_listing_order(int[] picks)
    {
        var keys = picks.Select(pick => _universe[Math.Abs(pick % _universe.Length)]).Distinct().ToList();
        var listed = keys.Order(DepthFirstKeyComparer.Instance).ToList();
        var expected = listed
            .Where(ImageFileTypes.IsImage)
            .Select(image => (image, listed.FirstOrDefault(key => IsAnnotationOf(key, image))))
            .Select(pair => ($"obs://{Bucket}/{pair.image}", pair.Item2 is null ? null : $"obs://{Bucket}/{pair.Item2}"));

        var scanned = Scan(keys);

        return expected.SequenceEqual(scanned.Select(item => (item.Sample.Source, item.Sample.AnnotationLocation)));
    }

    [Fact]
    public void An_annotation_listed_after_a_sub_folder_between_it_and_its_image_is_still_found()
    {
        var scanned = Scan(["d/a.jpg", "d/a.k/1.jpg", "d/a.k/2.jpg", "d/a.xml"]);

        Assert.Equal(
            [("a.jpg", "obs://datasets/d/a.xml"), ("a.k/1.jpg", null), ("a.k/2.jpg", null)],
            scanned.Select(item => (item.RelativePath, item.Sample.AnnotationLocation)));
    }

    private static bool IsAnnotationOf(string key, string image) =>
        key.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        && string.Equals(key[..^4], image[..image.LastIndexOf('.')], StringComparison.Ordinal);

    private static List<ScannedSample> Scan(IEnumerable<string> keys) =>
        FolderDatasetScanner.ScanAsync(new ListingOnlyStore(Bucket, keys), new ObjectPath(Bucket, "d"), TaskTypes.ObjectDetection, CancellationToken.None)
            .ToListAsync().AsTask().GetAwaiter().GetResult();
}
