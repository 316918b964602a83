using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Imaging.Analysis;
using Refinery.Operators.Analysis;
using Xunit.Abstractions;

namespace Refinery.Operators.Tests.Analysis;

public sealed class AnalysisReducerTests(ITestOutputHelper output)
{
    private static AnalysisParams Params(string json = """{"op_list": ["brightness", "resolution"]}""") =>
        AnalysisParams.Parse(new OperatorParameters(JsonNode.Parse(json)!.AsObject()));

    private static JsonObject Values(double brightness, int width = 100, int height = 100, string? usage = null, ulong exact = 0, ulong? phash = null)
    {
        var values = new JsonObject
        {
            ["width"] = width,
            ["height"] = height,
            ["brightness"] = brightness,
            ["resolution"] = (long)width * height,
            ["dark_score"] = brightness,
            ["exact_hash"] = ImageHashes.ToHex(exact),
            ["phash"] = ImageHashes.ToHex(phash ?? exact),
        };
        if (usage is not null)
        {
            values["usage"] = usage;
        }

        return values;
    }

    private static JsonObject Failed() => new() { ["failed"] = true, ["reason"] = "image file is empty (0 bytes)" };

    /// <summary>Values stored as JSON text and read back, as the engine will hand them over.</summary>
    private static async IAsyncEnumerable<AnalysedSample> Stored(IReadOnlyList<JsonObject> values, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < values.Count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new AnalysedSample($"s{i}", JsonNode.Parse(values[i].ToJsonString())!.AsObject());
        }
    }

    private static async Task<(JsonObject Result, Dictionary<string, SampleAmendment> Amendments)> ReduceAsync(
        IReadOnlyList<JsonObject> values, AnalysisParams? parameters = null)
    {
        var amendments = new Dictionary<string, SampleAmendment>();
        var result = await new AnalysisReducer(parameters ?? Params()).ReduceAsync(
            () => Stored(values),
            (amendment, _) =>
            {
                amendments.Add(amendment.Key, amendment);
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);
        return (JsonNode.Parse(result.ToJsonString())!.AsObject(), amendments); // as a client reads it
    }

    private static List<double> Doubles(JsonNode? array) => [.. array!.AsArray().Select(node => node!.GetValue<double>())];

    [Fact]
    public async Task Counts_samples_analysed_and_failed()
    {
        var (result, amendments) = await ReduceAsync([Values(0.2, exact: 1), Failed(), Values(0.4, exact: 2)]);

        Assert.Equal(3, result["sample_count"]!.GetValue<long>());
        Assert.Equal(2, result["analysed_count"]!.GetValue<long>());
        Assert.Equal(1, result["failed_count"]!.GetValue<long>());
        Assert.Equal(["s0", "s2"], amendments.Keys.Order());
    }

    [Fact]
    public async Task A_feature_summary_has_twenty_bins_twenty_one_edges_and_counts_that_sum_to_the_analysed_count()
    {
        var values = Enumerable.Range(0, 101).Select(i => Values(i / 100.0, exact: (ulong)i)).ToList();

        var (result, _) = await ReduceAsync(values);

        var brightness = result["features"]!["brightness"]!;
        Assert.Equal("image", brightness["scope"]!.GetValue<string>());
        Assert.Equal(101, brightness["count"]!.GetValue<long>());
        Assert.Equal(0.5, brightness["mean"]!.GetValue<double>(), 9);
        Assert.Equal(0.0, brightness["min"]!.GetValue<double>());
        Assert.Equal(1.0, brightness["max"]!.GetValue<double>());
        Assert.Equal(0.25, brightness["p25"]!.GetValue<double>(), 3);
        Assert.Equal(0.5, brightness["median"]!.GetValue<double>(), 3);
        Assert.Equal(0.75, brightness["p75"]!.GetValue<double>(), 3);
        var edges = Doubles(brightness["histogram"]!["edges"]);
        var counts = Doubles(brightness["histogram"]!["counts"]);
        Assert.Equal(21, edges.Count);
        Assert.Equal(20, counts.Count);
        Assert.Equal(101, counts.Sum());
        Assert.Equal(0.0, edges[0]);
        Assert.Equal(1.0, edges[20]);
    }

    [Fact]
    public async Task By_usage_splits_the_features_by_the_usages_present()
    {
        JsonObject[] values =
        [
            Values(0.1, usage: "TRAIN", exact: 1), Values(0.2, usage: "TRAIN", exact: 2), Values(0.3, usage: "train", exact: 3),
            Values(0.8, usage: "EVAL", exact: 4), Values(0.9, usage: "EVAL", exact: 5), Values(0.5, exact: 6),
        ];

        var (result, _) = await ReduceAsync(values);

        var byUsage = result["by_usage"]!.AsObject();
        Assert.Equal(["TRAIN", "EVAL"], byUsage.Select(pair => pair.Key));
        Assert.Equal(3, byUsage["TRAIN"]!["features"]!["brightness"]!["count"]!.GetValue<long>());
        Assert.Equal(2, byUsage["EVAL"]!["features"]!["brightness"]!["count"]!.GetValue<long>());
        Assert.Equal(0.85, byUsage["EVAL"]!["features"]!["brightness"]!["mean"]!.GetValue<double>(), 9);
        Assert.Equal(6, result["features"]!["brightness"]!["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Is_normed_turns_counts_into_fractions_that_sum_to_one()
    {
        var values = Enumerable.Range(0, 37).Select(i => Values(Math.Sqrt(i), exact: (ulong)i)).ToList();

        var (result, _) = await ReduceAsync(values, Params("""{"op_list": ["brightness"], "is_normed": true}"""));

        var counts = Doubles(result["features"]!["brightness"]!["histogram"]!["counts"]);
        Assert.Equal(1.0, counts.Sum(), 12);
        Assert.All(counts, fraction => Assert.InRange(fraction, 0, 1));
    }

    [Fact]
    public async Task An_image_far_larger_than_the_rest_is_odd_size()
    {
        var values = Enumerable.Range(0, 20).Select(i => Values(0.5, 100 + i, 100 + i, exact: (ulong)i)).ToList();
        values.Add(Values(0.5, 2000, 2000, exact: 99));

        var (result, amendments) = await ReduceAsync(values);

        Assert.Equal(1, result["quality"]!["odd_size"]!.GetValue<long>());
        Assert.True(amendments["s20"].IsOddSize);
        Assert.Equal(0, amendments["s20"].OddSizeScore);
        Assert.False(amendments["s5"].IsOddSize);
    }

    [Fact]
    public async Task Per_image_issue_counts_use_the_default_thresholds()
    {
        var (result, _) = await ReduceAsync([Values(0.1, exact: 1), Values(0.31, exact: 2), Values(0.33, exact: 3)]);

        Assert.Equal(2, result["quality"]!["dark"]!.GetValue<long>());
        Assert.Equal(9, result["quality"]!.AsObject().Count);
    }

    [Fact]
    public async Task Exact_sets_count_their_members_and_near_sets_equal_to_an_exact_set_are_dropped()
    {
        JsonObject[] values =
        [
            Values(0.5, exact: 1, phash: 10), Values(0.5, exact: 1, phash: 10), // exact pair, its pHash set is the same pair
            Values(0.5, exact: 2, phash: 20), Values(0.5, exact: 2, phash: 20), Values(0.5, exact: 3, phash: 20), // exact pair inside a near triple
            Values(0.5, exact: 4, phash: 30),
        ];

        var (result, amendments) = await ReduceAsync(values);

        Assert.Equal(4, result["quality"]!["exact_duplicates"]!.GetValue<long>());
        Assert.Equal(3, result["quality"]!["near_duplicates"]!.GetValue<long>());
        Assert.Equal(2, amendments["s0"].ExactDuplicates!.Size);
        Assert.Null(amendments["s0"].NearDuplicates);
        Assert.Equal(amendments["s2"].NearDuplicates, amendments["s4"].NearDuplicates);
        Assert.Equal(3, amendments["s4"].NearDuplicates!.Size);
        Assert.Null(amendments["s4"].ExactDuplicates);
        Assert.Null(amendments["s5"].ExactDuplicates);
        Assert.Null(amendments["s5"].NearDuplicates);
        Assert.Equal("exact-0000000000000001", amendments["s1"].ToValues()["exact_duplicates_group"]!.GetValue<string>());
    }

    [Fact]
    public async Task Box_features_count_boxes_and_say_so()
    {
        JsonObject[] values =
        [
            new() { ["width"] = 10, ["height"] = 10, ["bbox_num"] = 2, ["bbox_overlap"] = new JsonArray(0.5, 0.5) },
            new() { ["width"] = 10, ["height"] = 10, ["bbox_num"] = 1, ["bbox_overlap"] = new JsonArray(0.0) },
            new() { ["width"] = 10, ["height"] = 10 },
        ];

        var (result, _) = await ReduceAsync(values, Params("""{"op_list": ["bbox_num", "bbox_overlap", "bbox_clarity"], "task_type": "object_detection"}"""));

        var features = result["features"]!;
        Assert.Equal("image", features["bbox_num"]!["scope"]!.GetValue<string>());
        Assert.Equal(2, features["bbox_num"]!["count"]!.GetValue<long>());
        Assert.Equal("box", features["bbox_overlap"]!["scope"]!.GetValue<string>());
        Assert.Equal(3, features["bbox_overlap"]!["count"]!.GetValue<long>());
        Assert.Equal(0, features["bbox_clarity"]!["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_source_that_changes_between_passes_is_an_error()
    {
        var calls = 0;
        var reducer = new AnalysisReducer(Params());

        await Assert.ThrowsAsync<InvalidOperationException>(() => reducer.ReduceAsync(
            () => Stored(++calls == 1 ? [Values(0.1, exact: 1), Values(0.2, exact: 2)] : [Values(0.1, exact: 1)]),
            (_, _) => ValueTask.CompletedTask,
            CancellationToken.None));
    }

    [Fact]
    public async Task Two_identical_images_and_a_reencoded_copy_form_an_exact_pair_inside_a_near_triple()
    {
        var store = new MemoryObjectStore();
        var original = SampleImages.SceneJpeg(1200, 900, 95);
        store.Put("b", "one.jpg", original);
        store.Put("b", "two.jpg", original);
        store.Put("b", "copy.jpg", SampleImages.Reencoded(original, 90));
        store.Put("b", "other.jpg", SampleImages.SceneJpeg(900, 1200, 95));
        var parameters = Params("""{"task_type": "image_classification"}""");
        var analyser = new AnalysisSampleOperator(parameters, new FixedBoxReader());
        var values = new List<JsonObject>();
        foreach (var key in new[] { "one.jpg", "two.jpg", "copy.jpg", "other.jpg" })
        {
            var work = new SampleWork(new Sample($"obs://b/{key}"), key, parameters.TaskType);
            var outcome = await analyser.ProcessAsync(work, new SampleEnvironment(store, new NoOutputWriter()), CancellationToken.None);
            values.Add(outcome.Values!);
        }

        var (result, amendments) = await ReduceAsync(values, parameters);

        Assert.Equal(2, result["quality"]!["exact_duplicates"]!.GetValue<long>());
        Assert.Equal(2, amendments["s0"].ExactDuplicates!.Size);
        Assert.Equal(amendments["s0"].ExactDuplicates, amendments["s1"].ExactDuplicates);
        Assert.Null(amendments["s2"].ExactDuplicates);
        // cleanvision groups by identical pHash. Our resampler is not Pillow's, so a re-encode may flip a bit of the
        // pHash where Pillow's would not (operators.md §3.3): then the copy must at least lie within Hamming 2.
        var phashes = values.Select(v => ImageHashes.FromHex(v["phash"]!.GetValue<string>())).ToList();
        output.WriteLine($"pHash Hamming distance original → re-encoded copy: {ImageHashes.HammingDistance(phashes[0], phashes[2])}");
        if (phashes[2] == phashes[0])
        {
            Assert.Equal(3, amendments["s2"].NearDuplicates!.Size);
            Assert.Equal(amendments["s0"].NearDuplicates, amendments["s2"].NearDuplicates);
            Assert.Equal(3, result["quality"]!["near_duplicates"]!.GetValue<long>());
        }
        else
        {
            Assert.InRange(ImageHashes.HammingDistance(phashes[0], phashes[2]), 1, 2);
        }

        Assert.Null(amendments["s3"].NearDuplicates);
    }
}
