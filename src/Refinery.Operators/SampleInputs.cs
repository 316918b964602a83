using OpenCvSharp;
using Refinery.Domain;
using Refinery.Formats.Voc;
using Refinery.Imaging;
using Refinery.Storage;

namespace Refinery.Operators;

/// <summary>
/// Reads a sample's image and annotation for a stage, turning every way they can be unusable into a phrase for its
/// result ("it cannot be decoded: …") rather than an exception; only a failing store throws.
/// </summary>
public static class SampleInputs
{
    /// <summary>The decoded image (the caller owns it) and where it was read, or why it is unusable.</summary>
    public static async Task<(DecodedImage? Image, ObjectPath Source, string? Failure)> DecodeAsync(
        IObjectStore inputs, string sourceUri, ImageDecoder decoder, ImreadModes mode, CancellationToken cancellationToken)
    {
        var (bytes, source, readFailure) = await ReadImageAsync(inputs, sourceUri, decoder, cancellationToken);
        if (bytes is null)
        {
            return (null, source, readFailure);
        }

        using (bytes)
        {
            var (decoded, decodeFailure) = await decoder.DecodeAsync(bytes.Memory, mode, cancellationToken);
            return decoded is null ? (null, source, $"it cannot be decoded: {decodeFailure}") : (decoded, source, null);
        }
    }

    /// <summary>The image's encoded bytes (the caller disposes them) and where they were read, or why they are unusable.</summary>
    internal static async Task<(PooledObjectBytes? Bytes, ObjectPath Source, string? Failure)> ReadImageAsync(
        IObjectStore inputs, string sourceUri, ImageDecoder decoder, CancellationToken cancellationToken)
    {
        if (!SampleLocationParser.TryParse(SampleLocationParser.SourceField, sourceUri, out var source, out var sourceFailure))
        {
            return (null, default, $"its source is not an object path: {sourceFailure}");
        }

        var (bytes, readFailure) = await PooledObjectBytes.ReadAsync(inputs, source, decoder.Limits.MaxBytes, cancellationToken);
        return bytes is null ? (null, source, $"it cannot be read: {readFailure}") : (bytes, source, null);
    }

    /// <summary>The parsed VOC annotation and where it was read (null when its location is no object path), or why it is unusable.</summary>
    public static async Task<(VocAnnotation? Annotation, ObjectPath? Path, string? Failure)> ReadAnnotationAsync(
        IObjectStore inputs, string location, CancellationToken cancellationToken)
    {
        if (!SampleLocationParser.TryParse(SampleLocationParser.AnnotationField, location, out var path, out var pathFailure))
        {
            return (null, null, $"its location is not an object path: {pathFailure}");
        }

        var (bytes, failure) = await PooledObjectBytes.ReadAsync(inputs, path, VocAnnotationReader.MaxCharacters, cancellationToken);
        if (bytes is null)
        {
            return (null, path, $"it cannot be read: {failure}");
        }

        using (bytes)
        using (var stream = bytes.OpenStream())
        {
            var read = VocAnnotationReader.Read(stream);
            return read.Succeeded ? (read.Annotation, path, null) : (null, path, $"the XML cannot be parsed: {read.Failure}");
        }
    }

    /// <summary>The outcome of a sample whose image is unusable: deleted, saying why.</summary>
    public static SampleOutcome Dropped(string reason) => new(ResultProperty.Deleted, [$"dropped the image: {reason}"], null);
}
