using System.Collections.Frozen;

namespace Refinery.Formats.Folders;

/// <summary>Which file extensions are images: the formats ModelArts processes, and the ones it recognises but refuses.</summary>
public static class ImageFileTypes
{
    /// <summary>Extensions (without the dot, any case) that processing accepts.</summary>
    public static IReadOnlySet<string> SupportedExtensions { get; } =
        new[] { "jpg", "jpeg", "png", "bmp" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Extensions of images that are scanned but that validation reports as unsupported formats.</summary>
    public static IReadOnlySet<string> UnsupportedExtensions { get; } =
        new[] { "webp", "tif", "tiff", "gif" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the object key names an image, supported or not.</summary>
    public static bool IsImage(string key)
    {
        var extension = ExtensionOf(key);
        return SupportedExtensions.Contains(extension) || UnsupportedExtensions.Contains(extension);
    }

    /// <summary>Whether the object key names an image in a format processing accepts.</summary>
    public static bool IsSupported(string key) => SupportedExtensions.Contains(ExtensionOf(key));

    /// <summary>The text after the last '.' of the key's last segment, or empty when it has none.</summary>
    public static string ExtensionOf(string key)
    {
        var name = key.AsSpan(key.LastIndexOf('/') + 1);
        var dot = name.LastIndexOf('.');
        return dot < 0 ? string.Empty : name[(dot + 1)..].ToString();
    }
}
