namespace Refinery.Formats.Manifests;

/// <summary>The manifest's JSON keys and annotation types (api.md §6.1), shared by the reader and the writer.</summary>
internal static class ManifestKeys
{
    public const string Source = "source";
    public const string Usage = "usage";
    public const string Id = "id";
    public const string Annotation = "annotation";
    public const string Property = "property";
    public const string Type = "type";
    public const string Name = "name";
    public const string AnnotationLocation = "annotation-loc";
    public const string AnnotationFormat = "annotation-format";

    public const string ClassificationType = "modelarts/image_classification";
    public const string DetectionType = "modelarts/object_detection";
    public const string PascalVocFormat = "PASCAL VOC";
}
