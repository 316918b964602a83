using Refinery.Engine.Mapping;
using Refinery.Engine.Passes;
using Refinery.Engine.Planning;

namespace Refinery.Engine.Delivery;

/// <summary>
/// The entry points that job delivery calls: plain methods taking ids. A failure propagates to Hangfire, which retries
/// the job (<see cref="VersionJobFilters"/>); the last failure fails the version (<see cref="VersionJobFailure"/>).
/// The first argument of each is the version's id, which the failure reads.
/// </summary>
public sealed class VersionJobs(VersionPlanner planner, ShardRunner shards, PassCoordinator passEnds)
{
    public Task PlanAsync(string versionId, CancellationToken cancellationToken) => planner.PlanAsync(versionId, cancellationToken);

    public Task MapAsync(string versionId, int shardIndex, CancellationToken cancellationToken) =>
        shards.RunAsync(versionId, shardIndex, cancellationToken);

    public Task ReduceAsync(string versionId, CancellationToken cancellationToken) => passEnds.RunAsync(versionId, cancellationToken);
}
