using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Refinery.Formats.Voc;

/// <summary>Parses PASCAL VOC documents from untrusted input: no DTDs, no external resolution, a size cap.</summary>
public static class VocAnnotationReader
{
    /// <summary>The largest document read; real VOC files are a few KiB, so anything near this is hostile or broken.</summary>
    public const int MaxCharacters = 16 * 1024 * 1024;

    // The shape elements ModelArts and common labelling tools write besides bndbox (api.md §6.2).
    private static readonly string[] _nonRectangleShapes = ["polygon", "polyline", "point", "points", "line", "circle", "ellipse", "cuboid", "keypoints"];

    private static readonly XmlReaderSettings _settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public static VocReadResult Read(Stream stream)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, _settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException exception)
        {
            return VocReadResult.Failed(exception.Message);
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "annotation")
        {
            return VocReadResult.Failed($"the root element is <{root?.Name.LocalName}>, not <annotation>");
        }

        var size = root.Element("size");
        var annotation = new VocAnnotation(
            Folder: Text(root, "folder"),
            Filename: Text(root, "filename"),
            Database: Text(root.Element("source"), "database"),
            Width: Integer(size, "width"),
            Height: Integer(size, "height"),
            Depth: Integer(size, "depth"),
            Segmented: Flag(root, "segmented"),
            Objects: [.. root.Elements("object").Select(ReadObject)])
        {
            Element = root,
        };
        return VocReadResult.Success(annotation);
    }

    private static VocObject ReadObject(XElement element) =>
        new(
            Name: Text(element, "name") ?? "",
            Pose: Text(element, "pose"),
            Truncated: Flag(element, "truncated"),
            Occluded: Flag(element, "occluded"),
            Difficult: Flag(element, "difficult"),
            Box: ReadBox(element.Element("bndbox")),
            NonRectangleShape: _nonRectangleShapes.FirstOrDefault(shape => element.Element(shape) is not null))
        {
            Element = element,
        };

    private static VocBox? ReadBox(XElement? bndbox)
    {
        if (bndbox is null)
        {
            return null;
        }

        var xmin = Number(bndbox, "xmin");
        var ymin = Number(bndbox, "ymin");
        var xmax = Number(bndbox, "xmax");
        var ymax = Number(bndbox, "ymax");
        return xmin is null || ymin is null || xmax is null || ymax is null ? null : new VocBox(xmin.Value, ymin.Value, xmax.Value, ymax.Value);
    }

    private static string? Text(XElement? parent, string name) => parent?.Element(name)?.Value.Trim();

    private static double? Number(XElement? parent, string name) =>
        double.TryParse(Text(parent, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;

    // Some tools write sizes as "500.0"; an integral value in any notation is accepted.
    private static int? Integer(XElement? parent, string name) =>
        Number(parent, name) is { } value && value == Math.Floor(value) && value is >= 0 and <= int.MaxValue ? (int)value : null;

    private static bool Flag(XElement? parent, string name) =>
        Text(parent, name)?.ToUpperInvariant() is "1" or "TRUE" or "YES";
}
