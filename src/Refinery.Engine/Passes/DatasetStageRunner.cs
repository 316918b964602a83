using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Staging;
using Refinery.Operators.Pipeline;

namespace Refinery.Engine.Passes;

/// <summary>
/// Runs the dataset stage that ends a pass: streams the pass's samples to it (merged across shards, in input order,
/// as often as it reads them), stages its decisions per shard and its dataset-level result. Deterministic files
/// written whole, so a run cut short by a crash is simply run again. Checks the stop flag at every shard boundary of
/// every read, so a stopped version's stage ends within one shard's worth of reading.
/// </summary>
public sealed class DatasetStageRunner(StagingArea staging, PassFiles passFiles, StopSignal stopSignal)
{
    /// <exception cref="OperationCanceledException">The version was stopped while the stage ran.</exception>
    public async Task RunAsync(string versionId, int pass, int shardCount, IDatasetStage stage, CancellationToken cancellationToken)
    {
        var decisions = new DecisionFiles(staging, versionId, pass, await FirstOrdinalsAsync(versionId, pass, shardCount, cancellationToken));
        var result = await stage.DecideAsync(() => ReadAsync(versionId, pass, shardCount, cancellationToken), decisions.WriteAsync, cancellationToken);
        await decisions.CompleteAsync(cancellationToken);
        var resultPath = staging.PassDatasetResult(versionId, pass);
        if (result is null)
        {
            await staging.Store.DeleteAsync(resultPath, cancellationToken);
            return;
        }

        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(result.ToJsonString(WireJson.NodeOptions)));
        await staging.Store.WriteAsync(resultPath, content, cancellationToken);
    }

    /// <summary>The dataset-level result the pass's stage staged, or null when it had none.</summary>
    public async Task<string?> ReadResultAsync(string versionId, int pass, CancellationToken cancellationToken)
    {
        var path = staging.PassDatasetResult(versionId, pass);
        if (await staging.Store.StatAsync(path, cancellationToken) is null)
        {
            return null;
        }

        await using var stream = await staging.Store.OpenReadAsync(path, cancellationToken);
        return (await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken))!.ToJsonString(WireJson.NodeOptions);
    }

    private async IAsyncEnumerable<StagedSample> ReadAsync(
        string versionId, int pass, int shardCount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < shardCount; shard++)
        {
            if (await stopSignal.IsStoppedAsync(versionId, cancellationToken))
            {
                throw new OperationCanceledException($"Version {versionId} was stopped during its dataset stage.");
            }

            await foreach (var (result, record) in passFiles.ReadShardAsync(versionId, pass, shard, decided: false, cancellationToken))
            {
                if (result.IsAdded)
                {
                    continue; // finished when it was made: dataset stages decide about input samples
                }

                yield return new StagedSample(result.Ordinal, result.SampleId, result.OriginSource, result.Output is not null, result.Values, record);
            }
        }
    }

    /// <summary>Each shard's first ordinal in this pass (null for a shard the pass left empty), to file decisions by shard.</summary>
    private async Task<long?[]> FirstOrdinalsAsync(string versionId, int pass, int shardCount, CancellationToken cancellationToken)
    {
        var firsts = new long?[shardCount];
        for (var shard = 0; shard < shardCount; shard++)
        {
            await foreach (var result in JsonLinesFile.ReadAsync(
                staging.Store, staging.PassResults(versionId, pass, shard), EngineJsonContext.Default.ShardResult, cancellationToken))
            {
                firsts[shard] = result.Ordinal;
                break;
            }
        }

        return firsts;
    }
}
