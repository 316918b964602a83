using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Domain;
using Refinery.Formats.Manifests;

namespace Refinery.Formats.Tests;

public sealed class ManifestRoundTripTests
{
    // Quotes, backslashes, controls, line breaks, non-ASCII and surrogate pairs: what escaping and line splitting must survive.
    private static readonly Gen<string> _text =
        Gen.Choose(1, 20)
            .SelectMany(length => Gen.ArrayOf(
                Gen.Elements("a", "Z", "0", " ", "/", ".", ":", "-", "\"", "\\", "\n", "\r", "\t", "\u0001", "\u2028", "猫", "é", "😀"),
                length))
            .Select(pieces => string.Concat(pieces));

    private static readonly Gen<string?> _optionalText = Gen.OneOf(Gen.Constant<string?>(null), _text.Select(text => (string?)text));

    private static readonly Gen<string?> _usage = Gen.Elements<string?>(null, "TRAIN", "EVAL", "TEST", "INFERENCE");

    private static readonly Gen<Sample> _classificationSample =
        from source in _text
        from usage in _usage
        from id in _optionalText
        from labels in Gen.Choose(0, 4).SelectMany(count => Gen.ArrayOf(_text, count))
        select new Sample(source, usage, labels, Id: id);

    private static readonly Gen<Sample> _detectionSample =
        from source in _text
        from usage in _usage
        from id in _optionalText
        from annotationLocation in _optionalText
        select new Sample(source, usage, AnnotationLocation: annotationLocation, Id: id);

    [Fact]
    public async Task A_written_manifest_reads_back_as_the_same_samples()
    {
        Sample[] samples =
        [
            new("obs://b/cat/1.jpg", "TRAIN", ["cat"], Id: "9f86d081884c7d659a2feaa0c55ad015"),
            new("obs://b/2.jpg", Labels: ["a", "b"]),
            new("obs://b/3.jpg"),
        ];

        var read = await RoundTripAsync(samples, TaskTypes.ImageClassification);

        AssertSameSamples(samples, read);
    }

    [Property(MaxTest = 200)]
    public Property Classification_samples_survive_writing_and_reading() =>
        Prop.ForAll(Gen.ListOf(_classificationSample).ToArbitrary(), samples =>
            SameSamples(samples, RoundTripAsync(samples, TaskTypes.ImageClassification).GetAwaiter().GetResult()));

    [Property(MaxTest = 200)]
    public Property Detection_samples_survive_writing_and_reading() =>
        Prop.ForAll(Gen.ListOf(_detectionSample).ToArbitrary(), samples =>
            SameSamples(samples, RoundTripAsync(samples, TaskTypes.ObjectDetection).GetAwaiter().GetResult()));

    private static async Task<List<Sample>> RoundTripAsync(IReadOnlyList<Sample> samples, string taskType)
    {
        using var stream = new MemoryStream();
        using (var writer = new ManifestWriter(stream))
        {
            foreach (var sample in samples)
            {
                await writer.WriteAsync(sample, taskType, null, CancellationToken.None);
            }
        }

        stream.Position = 0;
        return await ManifestReader.ReadAsync(stream, CancellationToken.None).ToListAsync();
    }

    private static void AssertSameSamples(IReadOnlyList<Sample> expected, IReadOnlyList<Sample> actual) =>
        Assert.True(SameSamples(expected, actual), "the samples read back differ from the samples written");

    // Sample's record equality compares its label list by reference, so the comparison is spelled out.
    private static bool SameSamples(IReadOnlyList<Sample> expected, IReadOnlyList<Sample> actual) =>
        expected.Count == actual.Count
        && expected.Zip(actual).All(pair =>
            pair.First.Source == pair.Second.Source
            && pair.First.Usage == pair.Second.Usage
            && pair.First.Id == pair.Second.Id
            && pair.First.AnnotationLocation == pair.Second.AnnotationLocation
            && pair.First.Labels.SequenceEqual(pair.Second.Labels));
}
