namespace Refinery.Engine.Delivery;

/// <summary>Hands the engine's jobs to whatever delivers them to workers; the jobs themselves know nothing of it.</summary>
public interface IJobScheduler
{
    void EnqueuePlan(string versionId);

    void EnqueueMap(string versionId, int shardIndex);

    void EnqueueReduce(string versionId);

    void EnqueueImport(string datasetId);
}
