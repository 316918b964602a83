using Refinery.Domain;
using Refinery.Engine.Passes;
using Refinery.Engine.Staging;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Engine.Tests.Passes;

/// <summary>A dataset stage's decisions, filed by shard and applied when the pass is read back.</summary>
public sealed class DecisionFilesTests : IDisposable
{
    private const string VersionId = "DvDecide";
    private static readonly RecordKey<long> _ordinal = new("ordinal");
    private readonly string _root = Directory.CreateTempSubdirectory("refinery-decisions-").FullName;
    private readonly StagingArea _staging;

    public DecisionFilesTests() => _staging = new StagingArea(new LocalDirectoryStore("staging", _root), new ObjectPath("staging", ""));

    [Fact]
    public async Task Decisions_land_in_their_shards_and_removed_samples_read_back_deleted_with_the_reason()
    {
        // Shard 0 holds ordinals 0–2, shard 1 none (all removed before), shard 2 ordinals 6–7.
        await StageShardAsync(0, 0, 1, 2);
        await StageShardAsync(1);
        await StageShardAsync(2, 6, 7);
        var decisions = new DecisionFiles(_staging, VersionId, 0, [0, null, 6]);

        await decisions.WriteAsync(SampleDecision.RemoveForDistance(1, "PCC", "obs://b/p.jpg", 0.4, 0.9, 0.2), CancellationToken.None);
        await decisions.WriteAsync(SampleDecision.RemoveAsDuplicate(7, "SimDeduplication", "obs://in/6.jpg", 0.97), CancellationToken.None);
        await decisions.CompleteAsync(CancellationToken.None);
        var read = await new PassFiles(_staging).ReadPassAsync(VersionId, 0, 3, decided: true, CancellationToken.None).ToListAsync();

        Assert.Equal([0L, 1, 2, 6, 7], read.Select(staged => staged.Result.Ordinal));
        Assert.Equal([false, true, false, false, true], read.Select(staged => staged.Result.Property == ResultProperty.Deleted));
        Assert.Null(read[4].Result.Output);
        Assert.Equal("removed by SimDeduplication: duplicates obs://in/6.jpg (similarity 0.97)", read[4].Result.Description[^1]);
        Assert.Equal("removed by PCC: unlike the prototypes: nearest obs://b/p.jpg at distance 0.6 (similarity 0.4); kept at similarity ≥ 0.9 or distance ≤ 0.2", read[1].Result.Description[^1]);
        Assert.True(read[3].Record.TryGet(_ordinal, out var ordinal) && ordinal == 6);
    }

    [Fact]
    public async Task A_decision_out_of_input_order_is_refused()
    {
        var decisions = new DecisionFiles(_staging, VersionId, 0, [0]);
        await decisions.WriteAsync(SampleDecision.RemoveForDistance(5, "PCC", "obs://b/p.jpg", 0.4, 0.9, 0.2), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => decisions.WriteAsync(SampleDecision.RemoveForDistance(3, "PCC", "obs://b/p.jpg", 0.4, 0.9, 0.2), CancellationToken.None).AsTask());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task StageShardAsync(int shard, params long[] ordinals)
    {
        var results = ordinals.Select(ordinal => new ShardResult(
            ordinal, $"s{ordinal}", $"obs://in/{ordinal}.jpg", ResultProperty.Reserved, ["kept"], new Sample($"{ordinal}.jpg"), new Sample($"obs://in/{ordinal}.jpg"), null)).ToList();
        await JsonLinesFile.WriteAsync(_staging.Store, _staging.PassResults(VersionId, 0, shard), results, EngineJsonContext.Default.ShardResult, CancellationToken.None);
        await SampleRecordFile.WriteAsync(
            _staging.Store, _staging.PassRecords(VersionId, 0, shard), ordinals.Select(ordinal => new SampleRecord().Set(_ordinal, ordinal)), CancellationToken.None);
    }
}
