using Refinery.Storage;

namespace Refinery.Formats.Folders;

/// <summary>An image of a listing and, once <see cref="AnnotationMatcher"/> has found it, the VOC file beside it.</summary>
internal sealed class MatchedImage(ObjectInfo image, string stem)
{
    public ObjectInfo Image { get; } = image;

    /// <summary>The image's key without its extension: the key its annotation has before <c>.xml</c>.</summary>
    public string Stem { get; } = stem;

    public ObjectPath? Annotation { get; set; }
}
