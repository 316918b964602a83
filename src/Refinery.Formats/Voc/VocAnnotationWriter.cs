using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Refinery.Formats.Voc;

/// <summary>Writes a <see cref="VocAnnotation"/> as a UTF-8 PASCAL VOC document, keeping the children it does not model.</summary>
public static class VocAnnotationWriter
{
    private static readonly XmlWriterSettings _settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "    ",
        NewLineChars = "\n",
    };

    public static byte[] Write(VocAnnotation annotation)
    {
        var root = annotation.Element ?? new XElement("annotation");
        root.Elements("object").Remove();

        SetChild(root, "folder", annotation.Folder);
        SetChild(root, "filename", annotation.Filename);
        if (annotation.Database is not null)
        {
            var source = root.Element("source") ?? AddChild(root, new XElement("source"));
            SetChild(source, "database", annotation.Database);
        }

        var size = root.Element("size") ?? AddChild(root, new XElement("size"));
        SetChild(size, "width", annotation.Width?.ToString(CultureInfo.InvariantCulture));
        SetChild(size, "height", annotation.Height?.ToString(CultureInfo.InvariantCulture));
        SetChild(size, "depth", annotation.Depth?.ToString(CultureInfo.InvariantCulture));
        SetChild(root, "segmented", annotation.Segmented ? "1" : "0");
        foreach (var item in annotation.Objects)
        {
            root.Add(WriteObject(item));
        }

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, _settings))
        {
            new XDocument(root).Save(writer);
        }

        return buffer.ToArray();
    }

    private static XElement WriteObject(VocObject item)
    {
        var element = item.Element ?? new XElement("object");
        SetChild(element, "name", item.Name);
        SetChild(element, "pose", item.Pose);
        SetChild(element, "truncated", item.Truncated ? "1" : "0");
        SetChild(element, "occluded", item.Occluded ? "1" : "0");
        SetChild(element, "difficult", item.Difficult ? "1" : "0");
        if (item.Box is { } box)
        {
            var bndbox = element.Element("bndbox") ?? AddChild(element, new XElement("bndbox"));
            SetChild(bndbox, "xmin", Coordinate(box.XMin));
            SetChild(bndbox, "ymin", Coordinate(box.YMin));
            SetChild(bndbox, "xmax", Coordinate(box.XMax));
            SetChild(bndbox, "ymax", Coordinate(box.YMax));
        }
        else
        {
            element.Elements("bndbox").Remove();
        }

        return element;
    }

    // Integral coordinates are written without a fraction, as VOC tools that parse them with int() expect.
    private static string Coordinate(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Replaces the text of the first child called <paramref name="name"/>, adding it when absent; null removes it.</summary>
    private static void SetChild(XElement parent, string name, string? value)
    {
        var child = parent.Element(name);
        if (value is null)
        {
            child?.Remove();
        }
        else if (child is null)
        {
            parent.Add(new XElement(name, value));
        }
        else
        {
            child.ReplaceNodes(value);
        }
    }

    private static XElement AddChild(XElement parent, XElement child)
    {
        parent.Add(child);
        return child;
    }
}
