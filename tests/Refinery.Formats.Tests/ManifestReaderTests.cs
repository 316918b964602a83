using System.Text;
using Refinery.Domain;
using Refinery.Formats.Manifests;

namespace Refinery.Formats.Tests;

public sealed class ManifestReaderTests
{
    [Fact]
    public async Task Reads_a_detection_line_as_documented()
    {
        var samples = await ReadAsync(
            """{"source":"obs://bkt/imgs/0001.jpg","usage":"TRAIN","annotation":[{"type":"modelarts/object_detection","annotation-loc":"obs://bkt/imgs/0001.xml","annotation-format":"PASCAL VOC","annotated-by":"human","creation-time":"2024-01-02 03:04:05"}]}""");

        var sample = Assert.Single(samples);
        Assert.Equal("obs://bkt/imgs/0001.jpg", sample.Source);
        Assert.Equal("TRAIN", sample.Usage);
        Assert.Equal("obs://bkt/imgs/0001.xml", sample.AnnotationLocation);
        Assert.Empty(sample.Labels);
        Assert.Null(sample.Id);
    }

    [Fact]
    public async Task Reads_every_classification_label_in_order()
    {
        var samples = await ReadAsync(
            """{"source":"s3://b/1.jpg","id":"0a1b","annotation":[{"type":"modelarts/image_classification","name":"猫"},{"type":"modelarts/image_classification","name":"pet","confidence":0.9}]}""");

        var sample = Assert.Single(samples);
        Assert.Equal(["猫", "pet"], sample.Labels);
        Assert.Equal("0a1b", sample.Id);
        Assert.Null(sample.AnnotationLocation);
    }

    [Fact]
    public async Task Only_the_first_detection_annotation_gives_the_annotation_location()
    {
        var samples = await ReadAsync(
            """{"source":"obs://b/1.jpg","annotation":[{"type":"modelarts/object_detection","annotation-loc":"obs://b/first.xml"},{"type":"modelarts/object_detection","annotation-loc":"obs://b/second.xml"}]}""");

        Assert.Equal("obs://b/first.xml", Assert.Single(samples).AnnotationLocation);
    }

    [Fact]
    public async Task Normalises_usage_to_upper_case_and_treats_an_empty_usage_as_unset()
    {
        var samples = await ReadAsync(
            """{"source":"obs://b/1.jpg","usage":"train"}""",
            """{"source":"obs://b/2.jpg","usage":"Eval"}""",
            """{"source":"obs://b/3.jpg","usage":""}""");

        Assert.Equal(["TRAIN", "EVAL", null], samples.Select(sample => sample.Usage));
    }

    [Fact]
    public async Task Tolerates_unknown_keys_and_annotation_types()
    {
        var samples = await ReadAsync(
            """{"source":"obs://b/1.jpg","hard":"true","sample-type":0,"property":{"@modelarts:data_checked":true},"annotation":[{"type":"modelarts/text_entity","id":"E1"},{"type":"modelarts/image_classification","name":"cat"}],"x":{"y":[1,2]}}""");

        Assert.Equal(["cat"], Assert.Single(samples).Labels);
    }

    [Fact]
    public async Task Skips_blank_lines_and_accepts_crlf_line_ends_and_a_byte_order_mark()
    {
        var text = "\uFEFF{\"source\":\"obs://b/1.jpg\"}\r\n\r\n   \n\t\n{\"source\":\"obs://b/2.jpg\"}\r\n";

        var samples = await ReadTextAsync(text);

        Assert.Equal(["obs://b/1.jpg", "obs://b/2.jpg"], samples.Select(sample => sample.Source));
    }

    [Fact]
    public async Task Reads_a_last_line_without_a_line_break()
    {
        var samples = await ReadTextAsync("{\"source\":\"obs://b/1.jpg\"}\n{\"source\":\"obs://b/2.jpg\"}");

        Assert.Equal(2, samples.Count);
    }

    [Fact]
    public async Task Reads_a_numeric_id_as_its_text()
    {
        var samples = await ReadAsync("""{"source":"obs://b/1.jpg","id":42}""");

        Assert.Equal("42", Assert.Single(samples).Id);
    }

    [Fact]
    public async Task Reads_lines_longer_than_a_single_buffer()
    {
        var longLabel = new string('a', 200_000);

        var samples = await ReadAsync(
            """{"source":"obs://b/1.jpg"}""",
            $$"""{"source":"obs://b/2.jpg","annotation":[{"type":"modelarts/image_classification","name":"{{longLabel}}"}]}""",
            """{"source":"obs://b/3.jpg"}""");

        Assert.Equal([longLabel], samples[1].Labels);
        Assert.Equal("obs://b/3.jpg", samples[2].Source);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("{\"source\":\"obs://b/1.jpg\"", "not valid JSON")]
    [InlineData("{\"usage\":\"TRAIN\"}", "'source' is missing")]
    [InlineData("{\"source\":\"\"}", "'source' must be a non-empty string")]
    [InlineData("{\"source\":7}", "'source' must be a non-empty string")]
    [InlineData("[1,2]", "expected a JSON object but found an array")]
    [InlineData("{\"source\":\"obs://b/1.jpg\",\"usage\":1}", "'usage' must be a string")]
    [InlineData("{\"source\":\"obs://b/1.jpg\",\"annotation\":{}}", "'annotation' must be an array")]
    [InlineData("{\"source\":\"obs://b/1.jpg\",\"annotation\":[{\"type\":\"modelarts/image_classification\"}]}", "without a 'name'")]
    [InlineData("{\"source\":\"obs://b/1.jpg\",\"annotation\":[{\"type\":\"modelarts/object_detection\"}]}", "without an 'annotation-loc'")]
    public async Task A_bad_line_fails_with_its_line_number_and_the_reason(string badLine, string reason)
    {
        var error = await Assert.ThrowsAsync<ManifestFormatException>(
            () => ReadAsync("""{"source":"obs://b/1.jpg"}""", "", badLine, """{"source":"obs://b/4.jpg"}"""));

        Assert.Equal(3, error.LineNumber);
        Assert.StartsWith("Manifest line 3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Samples_before_a_bad_line_are_delivered_before_the_error()
    {
        var delivered = new List<Sample>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"source\":\"obs://b/1.jpg\"}\n{oops}\n"));

        await Assert.ThrowsAsync<ManifestFormatException>(async () =>
        {
            await foreach (var sample in ManifestReader.ReadAsync(stream, CancellationToken.None))
            {
                delivered.Add(sample);
            }
        });

        Assert.Single(delivered);
    }

    [Fact]
    public async Task A_line_longer_than_one_mebibyte_is_refused_without_reading_it_whole()
    {
        var tooLong = $$"""{"source":"obs://b/{{new string('x', ManifestReader.MaximumLineBytes)}}.jpg"}""";

        var error = await Assert.ThrowsAsync<ManifestFormatException>(
            () => ReadAsync("""{"source":"obs://b/1.jpg"}""", tooLong));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_of_exactly_one_mebibyte_is_accepted()
    {
        var prefix = """{"source":"obs://b/""";
        const string Suffix = "\"}";
        var line = prefix + new string('x', ManifestReader.MaximumLineBytes - prefix.Length - Suffix.Length) + Suffix;

        var samples = await ReadAsync(line);

        Assert.Equal(ManifestReader.MaximumLineBytes, Encoding.UTF8.GetByteCount(line));
        Assert.Single(samples);
    }

    [Fact]
    public async Task Streams_from_a_source_that_never_ends()
    {
        using var endless = new RepeatingStream("{\"source\":\"obs://b/1.jpg\"}\n"u8.ToArray());

        var first = await ManifestReader.ReadAsync(endless, CancellationToken.None).Take(3).ToListAsync();

        Assert.Equal(3, first.Count);
    }

    [Fact]
    public async Task A_source_without_line_breaks_is_refused_once_it_passes_the_limit()
    {
        using var endless = new RepeatingStream("x"u8.ToArray());

        var error = await Assert.ThrowsAsync<ManifestFormatException>(
            () => ManifestReader.ReadAsync(endless, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public async Task A_full_length_line_ending_in_crlf_is_accepted_even_when_its_line_feed_arrives_late()
    {
        var prefix = """{"source":"obs://b/""";
        const string Suffix = "\"}";
        var line = prefix + new string('x', ManifestReader.MaximumLineBytes - prefix.Length - Suffix.Length) + Suffix;

        // The reader has the whole line and its '\r' before it sees the '\n'.
        using var stream = new ChunkedStream(Encoding.UTF8.GetBytes(line + "\r"), "\n"u8.ToArray());
        var samples = await ManifestReader.ReadAsync(stream, CancellationToken.None).ToListAsync();

        Assert.Single(samples);
    }

    [Fact]
    public async Task Lines_split_across_many_small_reads_are_put_back_together()
    {
        var text = "{\"source\":\"obs://b/1.jpg\",\"usage\":\"train\"}\r\n\n{\"source\":\"obs://b/猫.jpg\"}\n";
        using var stream = ChunkedStream.OfPiecesOf(Encoding.UTF8.GetBytes(text), bytesPerPiece: 3);

        var samples = await ManifestReader.ReadAsync(stream, CancellationToken.None).ToListAsync();

        Assert.Equal(["obs://b/1.jpg", "obs://b/猫.jpg"], samples.Select(sample => sample.Source));
    }

    private static Task<List<Sample>> ReadAsync(params string[] lines) => ReadTextAsync(string.Join('\n', lines) + "\n");

    private static async Task<List<Sample>> ReadTextAsync(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await ManifestReader.ReadAsync(stream, CancellationToken.None).ToListAsync();
    }
}
