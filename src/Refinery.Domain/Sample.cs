namespace Refinery.Domain;

/// <summary>One image to process: where it is, its split, and its annotation.</summary>
/// <param name="Source">Object URI of the image, <c>obs://bucket/key</c>.</param>
/// <param name="Usage">TRAIN, EVAL, TEST or INFERENCE when the manifest says so.</param>
/// <param name="Labels">Classification labels (image_classification); empty when unlabelled.</param>
/// <param name="AnnotationLocation">Object URI of the PASCAL VOC file (object_detection), if any.</param>
/// <param name="Id">The manifest's sample id, when it had one.</param>
public sealed record Sample(
    string Source,
    string? Usage = null,
    IReadOnlyList<string>? Labels = null,
    string? AnnotationLocation = null,
    string? Id = null)
{
    public IReadOnlyList<string> Labels { get; init; } = Labels ?? [];
}
