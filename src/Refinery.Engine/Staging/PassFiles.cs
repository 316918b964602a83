using System.Runtime.CompilerServices;
using Refinery.Domain;
using Refinery.Operators.Pipeline;

namespace Refinery.Engine.Staging;

/// <summary>
/// Reads what a pass staged: each shard's results zipped with their records and, once the pass's dataset stage has
/// decided, with its decisions applied — a removed sample becomes deleted with the reason in its description.
/// Streams in input order, shard after shard; holds one sample at a time.
/// </summary>
public sealed class PassFiles(StagingArea staging)
{
    /// <param name="decided">Apply the pass's decisions (written by its dataset stage), or read the results as mapped.</param>
    public async IAsyncEnumerable<StagedResult> ReadShardAsync(
        string versionId, int pass, int shardIndex, bool decided, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var records = SampleRecordFile.ReadAsync(
            staging.Store, staging.PassRecords(versionId, pass, shardIndex), cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var decisions = (decided
            ? JsonLinesFile.ReadAsync(staging.Store, staging.PassDecisions(versionId, pass, shardIndex), EngineJsonContext.Default.SampleDecision, cancellationToken)
            : AsyncEnumerable.Empty<SampleDecision>()).GetAsyncEnumerator(cancellationToken);
        var decision = await decisions.MoveNextAsync() ? decisions.Current : null;
        await foreach (var result in JsonLinesFile.ReadAsync(
            staging.Store, staging.PassResults(versionId, pass, shardIndex), EngineJsonContext.Default.ShardResult, cancellationToken))
        {
            if (!await records.MoveNextAsync())
            {
                throw new InvalidDataException($"Shard {shardIndex} of pass {pass} has fewer records than results.");
            }

            if (decision?.Ordinal == result.Ordinal)
            {
                yield return new StagedResult(Apply(result, decision), records.Current);
                decision = await decisions.MoveNextAsync() ? decisions.Current : null;
            }
            else
            {
                yield return new StagedResult(result, records.Current);
            }
        }
    }

    public async IAsyncEnumerable<StagedResult> ReadPassAsync(
        string versionId, int pass, int shardCount, bool decided, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < shardCount; shard++)
        {
            await foreach (var staged in ReadShardAsync(versionId, pass, shard, decided, cancellationToken))
            {
                yield return staged;
            }
        }
    }

    /// <summary>A result with a dataset stage's decision applied.</summary>
    public static ShardResult Apply(ShardResult result, SampleDecision decision)
    {
        var description = decision.Description is { } line ? [.. result.Description, line] : result.Description;
        var values = decision.Values is { } extra ? ValueMerge.Merge(result.Values, extra) : result.Values;
        return decision.Keep
            ? result with { Description = description, Values = values }
            : result with { Property = ResultProperty.Deleted, Output = null, Location = null, Description = description, Values = values };
    }
}
