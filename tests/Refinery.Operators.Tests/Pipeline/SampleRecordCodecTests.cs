using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Tests.Pipeline;

/// <summary>Typed sample records survive their binary staging exactly, and an embedding stays compact.</summary>
public sealed class SampleRecordCodecTests
{
    private static readonly RecordKey<double> _score = new("dark_score");
    private static readonly RecordKey<long> _width = new("width");
    private static readonly RecordKey<ulong> _hash = new("phash");
    private static readonly RecordKey<bool> _flag = new("flag");
    private static readonly RecordKey<string> _label = new("label");
    private static readonly RecordKey<float[]> _embedding = new("embedding");
    private static readonly RecordKey<double[]> _boxes = new("boxes");
    private static readonly RecordKey<byte[]> _blob = new("blob");

    [Fact]
    public void Every_supported_value_reads_back_as_written()
    {
        var record = new SampleRecord()
            .Set(_score, 0.3125).Set(_width, 4096L).Set(_hash, ulong.MaxValue - 7).Set(_flag, true).Set(_label, "chat noir")
            .Set(_embedding, [0.5f, -1.25f, float.Epsilon]).Set(_boxes, [1.5, 2.5]).Set(_blob, [1, 2, 255]);

        var read = RoundTrip(record);

        Assert.True(read.TryGet(_score, out var score) && score == 0.3125);
        Assert.True(read.TryGet(_width, out var width) && width == 4096);
        Assert.True(read.TryGet(_hash, out var hash) && hash == ulong.MaxValue - 7);
        Assert.True(read.TryGet(_flag, out var flag) && flag);
        Assert.True(read.TryGet(_label, out var label) && label == "chat noir");
        Assert.True(read.TryGet(_embedding, out var embedding));
        Assert.Equal([0.5f, -1.25f, float.Epsilon], embedding);
        Assert.True(read.TryGet(_boxes, out var boxes));
        Assert.Equal([1.5, 2.5], boxes);
        Assert.True(read.TryGet(_blob, out var blob));
        Assert.Equal([1, 2, 255], blob);
    }

    [Fact]
    public void A_512_float_embedding_costs_its_2_KB_and_little_more()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            SampleRecordCodec.Write(writer, new SampleRecord().Set(_embedding, new float[512]));
        }

        Assert.InRange(buffer.Length, 2048, 2048 + 32);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_not_read_as_another()
    {
        var read = RoundTrip(new SampleRecord().Set(_width, 7L));

        Assert.False(read.TryGet(new RecordKey<double>("width"), out _));
    }

    [Fact]
    public void A_type_the_binary_form_cannot_hold_is_refused_when_recorded()
    {
        Assert.Throws<NotSupportedException>(() => new SampleRecord().Set(new RecordKey<DateTime>("when"), DateTime.UnixEpoch));
    }

    private static SampleRecord RoundTrip(SampleRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            SampleRecordCodec.Write(writer, record);
        }

        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        return SampleRecordCodec.Read(reader);
    }
}
