using System.Runtime.CompilerServices;
using System.Text.Json;
using Refinery.Domain;

namespace Refinery.Formats.Manifests;

/// <summary>Streams the samples of a ModelArts manifest (UTF-8 JSON Lines, api.md §6.1), one line at a time.</summary>
public static class ManifestReader
{
    /// <summary>The longest line accepted; a sample line is a few hundred bytes, so anything near this is not a manifest.</summary>
    public const int MaximumLineBytes = 1024 * 1024;

    /// <summary>
    /// The samples in <paramref name="utf8JsonLines"/>, skipping blank lines. Throws <see cref="ManifestFormatException"/>
    /// for a line that is not a JSON object, lacks <c>source</c> or is longer than <see cref="MaximumLineBytes"/>.
    /// </summary>
    public static async IAsyncEnumerable<Sample> ReadAsync(
        Stream utf8JsonLines,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8JsonLines);
        using var lines = new Utf8LineReader(utf8JsonLines, MaximumLineBytes);
        while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (IsBlank(line.Span))
            {
                continue;
            }

            yield return ParseLine(line, lines.LineNumber);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    private static Sample ParseLine(ReadOnlyMemory<byte> line, long lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new ManifestFormatException(lineNumber, $"the line is not valid JSON: {exception.Message}", exception);
        }

        // The document reads the line's bytes in place, so it is finished with before the next line overwrites them.
        using (document)
        {
            return ParseSample(document.RootElement, lineNumber);
        }
    }

    private static Sample ParseSample(JsonElement root, long lineNumber)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestFormatException(lineNumber, $"expected a JSON object but found {Describe(root.ValueKind)}");
        }

        if (!root.TryGetProperty(ManifestKeys.Source, out var sourceElement))
        {
            throw new ManifestFormatException(lineNumber, "the required key 'source' is missing");
        }

        var source = sourceElement.ValueKind == JsonValueKind.String ? sourceElement.GetString() : null;
        if (string.IsNullOrEmpty(source))
        {
            throw new ManifestFormatException(lineNumber, "'source' must be a non-empty string");
        }

        var usage = OptionalString(root, ManifestKeys.Usage, lineNumber);
        var id = OptionalId(root, lineNumber);
        var (labels, annotationLocation) = ReadAnnotations(root, lineNumber);
        return new Sample(
            source,
            Usage: string.IsNullOrEmpty(usage) ? null : usage.ToUpperInvariant(),
            Labels: labels,
            AnnotationLocation: annotationLocation,
            Id: id);
    }

    private static (List<string> Labels, string? AnnotationLocation) ReadAnnotations(JsonElement root, long lineNumber)
    {
        var labels = new List<string>();
        string? annotationLocation = null;
        if (!root.TryGetProperty(ManifestKeys.Annotation, out var annotations) || annotations.ValueKind == JsonValueKind.Null)
        {
            return (labels, annotationLocation);
        }

        if (annotations.ValueKind != JsonValueKind.Array)
        {
            throw new ManifestFormatException(lineNumber, $"'annotation' must be an array but is {Describe(annotations.ValueKind)}");
        }

        var index = 0;
        foreach (var annotation in annotations.EnumerateArray())
        {
            var field = $"annotation[{index++}]";
            if (annotation.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestFormatException(lineNumber, $"'{field}' must be an object but is {Describe(annotation.ValueKind)}");
            }

            switch (OptionalString(annotation, ManifestKeys.Type, lineNumber))
            {
                case ManifestKeys.ClassificationType:
                    labels.Add(OptionalString(annotation, ManifestKeys.Name, lineNumber)
                               ?? throw new ManifestFormatException(lineNumber, $"'{field}' is a classification without a 'name'"));
                    break;
                case ManifestKeys.DetectionType when annotationLocation is null:
                    annotationLocation = OptionalString(annotation, ManifestKeys.AnnotationLocation, lineNumber)
                        ?? throw new ManifestFormatException(lineNumber, $"'{field}' is a detection without an 'annotation-loc'");
                    break;
            }
        }

        return (labels, annotationLocation);
    }

    private static string? OptionalString(JsonElement element, string key, long lineNumber)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw new ManifestFormatException(lineNumber, $"'{key}' must be a string but is {Describe(value.ValueKind)}"),
        };
    }

    // Exported ids are strings, but hand-written manifests number their samples; both name the sample.
    private static string? OptionalId(JsonElement root, long lineNumber) =>
        root.TryGetProperty(ManifestKeys.Id, out var id) && id.ValueKind == JsonValueKind.Number
            ? id.GetRawText()
            : OptionalString(root, ManifestKeys.Id, lineNumber);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
