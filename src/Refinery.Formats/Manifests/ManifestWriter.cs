using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Refinery.Domain;

namespace Refinery.Formats.Manifests;

/// <summary>
/// Writes samples as manifest lines (UTF-8 JSON Lines, api.md §6.1) to a stream it does not own: disposing the writer
/// leaves the stream open.
/// </summary>
public sealed class ManifestWriter : IDisposable
{
    // Labels are often Chinese; ModelArts writes them as UTF-8, not \u escapes, and so do we. The output is never
    // embedded in HTML, which is all the stricter default encoder protects against.
    private static readonly JsonWriterOptions _jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _json;

    public ManifestWriter(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _json = new Utf8JsonWriter(_line, _jsonOptions);
    }

    /// <summary>
    /// Writes <paramref name="sample"/> as one line: its labels for <c>image_classification</c>, its VOC file for
    /// <c>object_detection</c>, and <paramref name="properties"/> (such as <c>@modelarts:data_checked</c>) when given.
    /// </summary>
    public async ValueTask WriteAsync(
        Sample sample,
        string taskType,
        IReadOnlyDictionary<string, bool>? properties,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!TaskTypes.IsKnown(taskType))
        {
            throw new ArgumentException($"Unknown task type '{taskType}'.", nameof(taskType));
        }

        _line.ResetWrittenCount();
        _json.Reset(_line);
        WriteSample(sample, taskType, properties);
        _json.Flush();
        _line.Write("\n"u8);
        await _output.WriteAsync(_line.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _json.Dispose();

    private void WriteSample(Sample sample, string taskType, IReadOnlyDictionary<string, bool>? properties)
    {
        _json.WriteStartObject();
        _json.WriteString(ManifestKeys.Source, sample.Source);
        if (!string.IsNullOrEmpty(sample.Usage))
        {
            _json.WriteString(ManifestKeys.Usage, sample.Usage);
        }

        if (sample.Id is not null)
        {
            _json.WriteString(ManifestKeys.Id, sample.Id);
        }

        if (taskType == TaskTypes.ImageClassification && sample.Labels.Count > 0)
        {
            _json.WriteStartArray(ManifestKeys.Annotation);
            foreach (var label in sample.Labels)
            {
                _json.WriteStartObject();
                _json.WriteString(ManifestKeys.Type, ManifestKeys.ClassificationType);
                _json.WriteString(ManifestKeys.Name, label);
                _json.WriteEndObject();
            }

            _json.WriteEndArray();
        }

        if (taskType == TaskTypes.ObjectDetection && sample.AnnotationLocation is not null)
        {
            _json.WriteStartArray(ManifestKeys.Annotation);
            _json.WriteStartObject();
            _json.WriteString(ManifestKeys.Type, ManifestKeys.DetectionType);
            _json.WriteString(ManifestKeys.AnnotationLocation, sample.AnnotationLocation);
            _json.WriteString(ManifestKeys.AnnotationFormat, ManifestKeys.PascalVocFormat);
            _json.WriteEndObject();
            _json.WriteEndArray();
        }

        if (properties is { Count: > 0 })
        {
            _json.WriteStartObject(ManifestKeys.Property);

            // Sorted so the same sample always produces the same bytes, whatever the dictionary's order.
            foreach (var (name, value) in properties.OrderBy(property => property.Key, StringComparer.Ordinal))
            {
                _json.WriteBoolean(name, value);
            }

            _json.WriteEndObject();
        }

        _json.WriteEndObject();
    }
}
