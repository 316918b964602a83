namespace Refinery.Api.WebConsole;

/// <summary>One result as the gallery shows it: thumbnails by signed link, what happened and why, its flagged issues.</summary>
public sealed record GalleryItem(
    string OriginSource,
    string? OriginThumbnail,
    string? NewSource,
    string? NewThumbnail,
    int ResultProperty,
    IReadOnlyList<string> Description,
    IReadOnlyList<string> Issues);
