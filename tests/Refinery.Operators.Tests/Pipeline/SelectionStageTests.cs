using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Imaging.Embeddings;
using Refinery.Operators.Analysis;
using Refinery.Operators.Pipeline;
using Refinery.Operators.Selection;
using Refinery.Operators.Similarity;
using Refinery.Operators.Tests.Similarity;
using Refinery.TestSupport;

namespace Refinery.Operators.Tests.Pipeline;

/// <summary>SimDeduplication's and RRD's decisions from recorded embeddings and hashes, without images.</summary>
public sealed class SelectionStageTests
{
    [Fact]
    public async Task A_byte_for_byte_copy_is_removed_with_similarity_exactly_1_although_embeddings_are_staged_in_float16()
    {
        // Equal components, which float16 rounds all the same way (1/√512 to 1448/2¹⁵): the staged vector's length is 0.9999.
        var vector = Unit([.. Enumerable.Repeat(1f, ImageEmbedder.Dimensions)]);

        var decisions = await DatasetStageDecisions.OfAsync(DeduplicationStage("embedding"), Embedded(0, vector), Embedded(1, vector));

        var decision = Assert.Single(decisions);
        Assert.Equal(1, decision.Ordinal);
        Assert.Equal(1.0, decision.Values!["similarity"]!.GetValue<double>());
        Assert.Equal("obs://in/0.jpg", decision.Values!["duplicate_of"]!.GetValue<string>());
    }

    [Fact]
    public async Task At_threshold_1_byte_for_byte_copies_are_still_duplicates()
    {
        var random = new Random(7);
        var samples = new List<StagedSample>();
        for (var scene = 0; scene < 40; scene++)
        {
            var vector = Unit([.. Enumerable.Range(0, ImageEmbedder.Dimensions).Select(_ => random.NextSingle())]);
            samples.Add(Embedded(2 * scene, vector));
            samples.Add(Embedded((2 * scene) + 1, vector));
        }

        var stage = new SimDeduplicationStage(SimDeduplicationParams.Parse(Params("""{"simlarity_threshold": "1"}""")));
        var decisions = await DatasetStageDecisions.OfAsync(stage, [.. samples]);

        Assert.Equal(Enumerable.Range(0, 40).Select(scene => (2L * scene) + 1), decisions.Select(decision => decision.Ordinal));
    }

    [Fact]
    public async Task Every_member_of_a_chain_names_the_first_of_its_group_in_input_order()
    {
        // 0 and 1 differ by 4 bits, 1 and 2 by 4 more: 0 and 2 are 8 apart (0.875) yet one group through 1.
        var decisions = await DatasetStageDecisions.OfAsync(DeduplicationStage("phash"), Hashed(0, 0), Hashed(1, 0xF), Hashed(2, 0xFF), Hashed(3, ulong.MaxValue));

        Assert.Equal([1L, 2L], decisions.Select(decision => decision.Ordinal));
        Assert.All(decisions, decision => Assert.Equal("obs://in/0.jpg", decision.Values!["duplicate_of"]!.GetValue<string>()));
        Assert.Equal([0.9375, 0.875], decisions.Select(decision => decision.Values!["similarity"]!.GetValue<double>()));
    }

    [Property(MaxTest = 60)]
    public Property SimDeduplication_removes_what_comparing_every_pair_groups_in_input_order_naming_the_first_of_each_group() =>
        Prop.ForAll(
            (from count in Gen.Choose(0, 150)
             from seed in Gen.Choose(0, 100_000)
             from deadEvery in Gen.Choose(2, 9)
             select (count, seed, deadEvery)).ToArbitrary(),
            input =>
            {
                // Ordinals with gaps and some samples already deleted, as a pass after validation gives them.
                var hashes = SyntheticHashes.WithPlantedDuplicates(input.count, 0.4, 10, input.seed);
                var samples = hashes.Select((hash, index) => Hashed(3L * index, hash) with { Alive = index % input.deadEvery != 0 }).ToArray();
                var alive = samples.Where(sample => sample.Alive).ToArray();
                var aliveHashes = hashes.Where((_, index) => samples[index].Alive).ToArray();
                var oracle = BruteForceDuplicates.Group(alive.Length, (first, second) => PerceptualHashSimilarity.Of(aliveHashes[first], aliveHashes[second]), 0.9f);
                var expected = Enumerable.Range(0, alive.Length)
                    .Where(row => oracle.KeptSampleOf(row) != row)
                    .Select(row => (alive[row].Ordinal, alive[oracle.KeptSampleOf(row)].OriginSource));

                var decisions = DatasetStageDecisions.OfAsync(DeduplicationStage("phash"), samples).GetAwaiter().GetResult();

                return expected.SequenceEqual(decisions.Select(decision => (decision.Ordinal, decision.Values!["duplicate_of"]!.GetValue<string>())));
            });

    [Fact]
    public async Task A_sample_a_stage_already_deleted_is_neither_decided_about_nor_kept_as_the_first_of_a_group()
    {
        var decisions = await DatasetStageDecisions.OfAsync(DeduplicationStage("phash"), Hashed(0, 0) with { Alive = false }, Hashed(1, 0), Hashed(2, 0));

        Assert.Equal("obs://in/1.jpg", Assert.Single(decisions).Values!["duplicate_of"]!.GetValue<string>());
    }

    [Fact]
    public async Task RRD_removes_the_near_copy_naming_the_kept_sample_it_is_nearest()
    {
        float[] first = Unit([1, 0, 0, 0]), second = Unit([0, 1, 0, 0]), copy = Unit([1, 0.05f, 0, 0]);
        var stage = new RrdStage(RrdParams.Parse(Params("""{"sample_ratio": "0.67", "n_clusters": "1"}""")));

        var decisions = await DatasetStageDecisions.OfAsync(stage, Embedded(0, Padded(first)), Embedded(1, Padded(second)), Embedded(2, Padded(copy)));

        var decision = Assert.Single(decisions);
        Assert.Equal((2L, "obs://in/0.jpg"), (decision.Ordinal, decision.Values!["nearest_kept"]!.GetValue<string>()));
        Assert.InRange(decision.Values!["distance"]!.GetValue<double>(), 0.0005, 0.0020);
    }

    [Theory]
    [InlineData("SimDeduplication")]
    [InlineData("RRD")]
    public async Task A_pass_whose_every_image_failed_to_decode_decides_nothing_and_keeps_none(string operatorName)
    {
        IDatasetStage stage = operatorName == "RRD" ? new RrdStage(RrdParams.Parse(Params("{}"))) : DeduplicationStage("embedding");

        var (decisions, result) = await DatasetStageDecisions.RunAsync(stage, Sample(0, new SampleRecord()) with { Alive = false });

        Assert.Empty(decisions);
        Assert.Equal((0, 0), (result!["kept_count"]!.GetValue<int>(), result["removed_count"]!.GetValue<int>()));
    }

    private static SimDeduplicationStage DeduplicationStage(string method) =>
        new(SimDeduplicationParams.Parse(Params($$"""{"method": "{{method}}"}""")));

    private static OperatorParameters Params(string json) => new(JsonNode.Parse(json)!.AsObject());

    private static StagedSample Embedded(long ordinal, float[] vector) => Sample(
        ordinal, new SampleRecord().Set(SelectionRecordKeys.Embedding, EmbeddingCodec.Encode(vector, EmbeddingMeasure.Precision)));

    private static StagedSample Hashed(long ordinal, ulong hash) => Sample(ordinal, new SampleRecord().Set(AnalysisRecordKeys.PerceptualHash, hash));

    private static StagedSample Sample(long ordinal, SampleRecord record) =>
        new(ordinal, $"s{ordinal}", $"obs://in/{ordinal}.jpg", Alive: true, Values: null, record);

    private static float[] Padded(float[] vector) => [.. vector, .. new float[ImageEmbedder.Dimensions - vector.Length]];

    private static float[] Unit(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(component => component * component));
        return [.. vector.Select(component => component / norm)];
    }
}
