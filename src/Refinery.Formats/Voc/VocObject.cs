using System.Xml.Linq;

namespace Refinery.Formats.Voc;

/// <summary>One <c>&lt;object&gt;</c> of a PASCAL VOC annotation.</summary>
/// <param name="Name">The label.</param>
/// <param name="Pose">e.g. <c>Unspecified</c>; null when absent.</param>
/// <param name="Truncated">The object extends beyond what the image shows.</param>
/// <param name="Occluded">The object is partly hidden.</param>
/// <param name="Difficult">The object is hard to recognise.</param>
/// <param name="Box">The rectangle <c>bndbox</c>, or null when the object has none (or its coordinates are not numbers).</param>
/// <param name="NonRectangleShape">The name of a non-rectangle shape element (polygon, point, line, circle…) when it has one.</param>
public sealed record VocObject(
    string Name,
    string? Pose = null,
    bool Truncated = false,
    bool Occluded = false,
    bool Difficult = false,
    VocBox? Box = null,
    string? NonRectangleShape = null)
{
    private readonly XElement? _element;

    public bool HasNonRectangleShape => NonRectangleShape is not null;

    /// <summary>
    /// The <c>&lt;object&gt;</c> element as read, so that children this model does not know (confidence,
    /// hard-coefficient, attributes…) survive a round trip. Stored and returned as copies: the record stays immutable.
    /// </summary>
    public XElement? Element
    {
        get => _element is null ? null : new XElement(_element);
        init => _element = value is null ? null : new XElement(value);
    }
}
