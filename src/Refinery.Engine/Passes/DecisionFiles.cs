using Refinery.Engine.Staging;
using Refinery.Operators.Pipeline;

namespace Refinery.Engine.Passes;

/// <summary>
/// Takes a dataset stage's decisions, which come in input order, and stages them per shard (the next pass reads only
/// its shard's), holding one shard's decisions at a time. Every shard gets a file, empty when nothing was decided.
/// </summary>
public sealed class DecisionFiles(StagingArea staging, string versionId, int pass, IReadOnlyList<long?> firstOrdinals)
{
    private readonly List<SampleDecision> _pending = [];
    private int _shard;
    private long _last = long.MinValue;

    public async ValueTask WriteAsync(SampleDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Ordinal <= _last)
        {
            throw new InvalidOperationException(
                $"Dataset stage decided about sample {decision.Ordinal} after sample {_last}: decisions must come once each, in input order.");
        }

        var shard = ShardOf(decision.Ordinal);
        while (_shard < shard)
        {
            await FlushAsync(cancellationToken);
        }

        _pending.Add(decision);
        _last = decision.Ordinal;
    }

    /// <summary>Writes the decisions still held and an empty file for every shard left.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        while (_shard < firstOrdinals.Count)
        {
            await FlushAsync(cancellationToken);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await JsonLinesFile.WriteAsync(
            staging.Store, staging.PassDecisions(versionId, pass, _shard), _pending, EngineJsonContext.Default.SampleDecision, cancellationToken);
        _pending.Clear();
        _shard++;
    }

    /// <summary>The shard whose samples start at or before the ordinal, last of them: shards hold consecutive ordinals.</summary>
    private int ShardOf(long ordinal)
    {
        int? found = null;
        for (var shard = _shard; shard < firstOrdinals.Count; shard++)
        {
            if (firstOrdinals[shard] is not { } first)
            {
                continue; // a shard the pass left empty
            }

            if (first > ordinal)
            {
                break;
            }

            found = shard;
        }

        return found ?? throw new InvalidOperationException($"Dataset stage decided about sample {ordinal}, which this pass does not hold.");
    }
}
