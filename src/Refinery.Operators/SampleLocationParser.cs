using System.Diagnostics.CodeAnalysis;
using Refinery.Domain;
using Refinery.Storage;

namespace Refinery.Operators;

/// <summary>
/// Parses a sample's object URIs (its source, its annotation) by the shared storage rules. A bad URI is one sample's
/// problem, not the task's, so it comes back as a reason for that sample's outcome instead of as an exception.
/// </summary>
internal static class SampleLocationParser
{
    /// <summary>The manifest field that holds a sample's image URI.</summary>
    public const string SourceField = "source";

    /// <summary>The manifest field that holds a sample's PASCAL VOC annotation URI.</summary>
    public const string AnnotationField = "annotation-loc";

    /// <param name="field">The manifest field <paramref name="uri"/> came from, named in the failure.</param>
    /// <param name="uri">An <c>obs://</c>, <c>s3://</c> or <c>/bucket/key</c> path to one object.</param>
    /// <param name="path">The object, when the URI names one.</param>
    /// <param name="failure">Why the URI names no object, as a sentence naming the field and the rule.</param>
    public static bool TryParse(string field, string uri, out ObjectPath path, [NotNullWhen(false)] out string? failure)
    {
        try
        {
            path = StoragePathParser.Parse(field, uri);
        }
        catch (ModelArtsException exception)
        {
            path = default;
            failure = exception.Message;
            return false;
        }

        // The parser accepts a bare bucket because task paths may name one; a sample must name a file.
        if (path.Key.Length == 0)
        {
            path = default;
            failure = $"Field '{field}': OBS path '{uri}' names a bucket, not an object";
            return false;
        }

        failure = null;
        return true;
    }
}
