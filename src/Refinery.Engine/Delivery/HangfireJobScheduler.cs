using Hangfire;
using Refinery.Engine.Datasets;

namespace Refinery.Engine.Delivery;

/// <summary>Delivers the engine's jobs through Hangfire (in-memory on one machine, PostgreSQL across many).</summary>
public sealed class HangfireJobScheduler(IBackgroundJobClient client) : IJobScheduler
{
    public void EnqueuePlan(string versionId) =>
        client.Enqueue<VersionJobs>(jobs => jobs.PlanAsync(versionId, CancellationToken.None));

    public void EnqueueMap(string versionId, int shardIndex) =>
        client.Enqueue<VersionJobs>(jobs => jobs.MapAsync(versionId, shardIndex, CancellationToken.None));

    public void EnqueueReduce(string versionId) =>
        client.Enqueue<VersionJobs>(jobs => jobs.ReduceAsync(versionId, CancellationToken.None));

    public void EnqueueImport(string datasetId) =>
        client.Enqueue<DatasetImporter>(importer => importer.ImportAsync(datasetId, CancellationToken.None));
}
