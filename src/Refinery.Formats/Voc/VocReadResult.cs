using System.Diagnostics.CodeAnalysis;

namespace Refinery.Formats.Voc;

/// <summary>Either a parsed annotation or the reason the document could not be parsed.</summary>
public sealed record VocReadResult
{
    private VocReadResult(VocAnnotation? annotation, string? failure)
    {
        Annotation = annotation;
        Failure = failure;
    }

    public VocAnnotation? Annotation { get; }

    /// <summary>Why parsing failed, as a phrase that completes "the XML cannot be parsed: …".</summary>
    public string? Failure { get; }

    [MemberNotNullWhen(true, nameof(Annotation))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Annotation is not null;

    public static VocReadResult Success(VocAnnotation annotation) => new(annotation, null);

    public static VocReadResult Failed(string reason) => new(null, reason);
}
