using System.Runtime.CompilerServices;
using Refinery.Engine.Staging;
using Refinery.Operators.Pipeline;

namespace Refinery.Engine.Passes;

/// <summary>
/// Every sample's final result, read from the passes it went through: a sample ends in the pass where a stage deleted
/// it or a dataset stage removed it, or survives the last pass. Each appears exactly once; streamed pass by pass.
/// </summary>
public sealed class FinalResults(PassFiles passFiles)
{
    public async IAsyncEnumerable<ShardResult> ReadAsync(
        string versionId, PipelinePlan plan, int shardCount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var pass = 0; pass < plan.Passes.Count; pass++)
        {
            var last = plan.IsLast(pass);
            await foreach (var (result, _) in passFiles.ReadPassAsync(versionId, pass, shardCount, plan[pass].Barrier is not null, cancellationToken))
            {
                if (last || result.Output is null)
                {
                    yield return result;
                }
            }
        }
    }

    /// <summary>The samples that survived every stage, in input order: what is published.</summary>
    public IAsyncEnumerable<ShardResult> SurvivorsAsync(string versionId, PipelinePlan plan, int shardCount, CancellationToken cancellationToken)
    {
        var last = plan.Passes.Count - 1;
        return passFiles.ReadPassAsync(versionId, last, shardCount, plan[last].Barrier is not null, cancellationToken)
            .Select(staged => staged.Result)
            .Where(result => result.Output is not null);
    }
}
