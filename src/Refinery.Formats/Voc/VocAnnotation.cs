using System.Xml.Linq;

namespace Refinery.Formats.Voc;

/// <summary>A PASCAL VOC annotation file as ModelArts uses it (api.md §6.2).</summary>
/// <param name="Folder">Directory of the data source.</param>
/// <param name="Filename">The image file name.</param>
/// <param name="Database">source/database, e.g. <c>Unknown</c>.</param>
/// <param name="Width">size/width; null when missing or not a number.</param>
/// <param name="Height">size/height; null when missing or not a number.</param>
/// <param name="Depth">size/depth (channels); null when missing or not a number.</param>
/// <param name="Segmented">Whether the image has a segmentation mask.</param>
/// <param name="Objects">The objects, in document order.</param>
public sealed record VocAnnotation(
    string? Folder,
    string? Filename,
    string? Database,
    int? Width,
    int? Height,
    int? Depth,
    bool Segmented,
    IReadOnlyList<VocObject> Objects)
{
    private readonly XElement? _element;

    /// <summary>
    /// The <c>&lt;annotation&gt;</c> element as read, so that children this model does not know (mask_source…)
    /// survive a round trip. Stored and returned as copies: the record stays immutable.
    /// </summary>
    public XElement? Element
    {
        get => _element is null ? null : new XElement(_element);
        init => _element = value is null ? null : new XElement(value);
    }
}
