using Refinery.Formats.Voc;

namespace Refinery.Operators.Validation;

/// <summary>What the XML checks made of one annotation.</summary>
/// <param name="Annotation">The fixed annotation, or null when the whole XML is dropped.</param>
/// <param name="Actions">One sentence per fix, each saying what was done and why; empty when the XML was already right.</param>
internal sealed record AnnotationValidation(VocAnnotation? Annotation, IReadOnlyList<string> Actions)
{
    public bool Changed => Annotation is null || Actions.Count > 0;

    public static AnnotationValidation Dropped(string reason) => new(null, [$"dropped the annotation: {reason}"]);
}
