using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Staging;

namespace Refinery.Engine.Lifecycle;

/// <summary>
/// The only code that moves a version between statuses. Every move is a conditional update (from the statuses it
/// is allowed from), so a stop racing a completion has exactly one winner; the task mirrors its latest version.
/// </summary>
public sealed class VersionLifecycle(IDbContextFactory<CatalogContext> catalog, TimeProvider clock, StagingCleaner staging)
{
    private static readonly int[] _active = [(int)VersionStatus.Initialized, (int)VersionStatus.Running];

    public long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Initialized → running. True when the version is running afterwards (also when it already was).</summary>
    public async Task<bool> StartAsync(string versionId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await db.Versions
            .Where(version => version.VersionId == versionId && version.Status == (int)VersionStatus.Initialized)
            .ExecuteUpdateAsync(set => set
                .SetProperty(version => version.Status, (int)VersionStatus.Running)
                .SetProperty(version => version.StartTime, now)
                .SetProperty(version => version.UpdateTime, now)
                .SetProperty(version => version.HeartbeatAt, now), cancellationToken);
        var status = await db.Versions.Where(version => version.VersionId == versionId).Select(version => (int?)version.Status)
            .SingleOrDefaultAsync(cancellationToken);
        await MirrorOnTaskAsync(db, versionId, cancellationToken);
        return status == (int)VersionStatus.Running;
    }

    /// <summary>Records that a worker is making progress on the version, so the reconciler leaves it alone.</summary>
    public async Task HeartbeatAsync(string versionId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await db.Versions.Where(version => version.VersionId == versionId)
            .ExecuteUpdateAsync(set => set.SetProperty(version => version.HeartbeatAt, now), cancellationToken);
    }

    /// <summary>Initialized or running → stopped, its staging cleared. False when the version had already finished.</summary>
    public Task<bool> StopAsync(string versionId, CancellationToken cancellationToken) =>
        EndAsync(versionId, VersionStatus.Stopped, errorMessage: null, cancellationToken);

    /// <summary>Initialized or running → failed, with the reason a user reads in <c>error_msg</c>; its staging cleared.</summary>
    public Task<bool> FailAsync(string versionId, string errorMessage, CancellationToken cancellationToken) =>
        EndAsync(versionId, VersionStatus.Failed, errorMessage, cancellationToken);

    private async Task<bool> EndAsync(string versionId, VersionStatus status, string? errorMessage, CancellationToken cancellationToken)
    {
        bool finished;
        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            finished = await FinishInAsync(db, versionId, status, errorMessage, counts: null, resultJson: null, _active, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Workers still finishing a sample may write a little more; they clear again when they see the version ended.
        await staging.ClearIfEndedAsync(versionId, cancellationToken);
        return finished;
    }

    /// <summary>
    /// Running → completed inside the caller's transaction, so that results and completion commit together.
    /// False when a stop won the race.
    /// </summary>
    public Task<bool> CompleteInAsync(
        CatalogContext db, string versionId, VersionCounts counts, string? resultJson, CancellationToken cancellationToken) =>
        FinishInAsync(db, versionId, VersionStatus.Completed, errorMessage: null, counts, resultJson, [(int)VersionStatus.Running], cancellationToken);

    private async Task<bool> FinishInAsync(
        CatalogContext db,
        string versionId,
        VersionStatus status,
        string? errorMessage,
        VersionCounts? counts,
        string? resultJson,
        int[] allowedFrom,
        CancellationToken cancellationToken)
    {
        var now = Now();
        var version = await db.Versions.SingleOrDefaultAsync(v => v.VersionId == versionId, cancellationToken);
        if (version is null || !allowedFrom.Contains(version.Status))
        {
            return false;
        }

        version.Status = (int)status;
        version.EndTime = now;
        version.UpdateTime = now;
        version.DurationSeconds = (int)Math.Max(0, (now - (version.StartTime ?? version.CreateTime)) / 1000);
        version.ErrorMsg = errorMessage;
        version.ResultJson = resultJson;
        if (counts is not null)
        {
            version.OriginSampleCount = counts.Origin;
            version.AddSampleCount = counts.Added;
            version.DeletedSampleCount = counts.Deleted;
            version.ModifiedSampleCount = counts.Modified;
            version.UnmodifiedSampleCount = counts.Unmodified;
        }

        await db.SaveChangesAsync(cancellationToken);
        await MirrorOnTaskAsync(db, versionId, cancellationToken);
        if (status is VersionStatus.Failed or VersionStatus.Stopped)
        {
            // An analysis that will not finish leaves the dataset version it was analysing marked failed.
            await db.DatasetVersions.Where(v => v.AnalysisTaskId == version.TaskId && v.AnalysisStatus == 1)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.AnalysisStatus, 3), cancellationToken);
        }

        return true;
    }

    /// <summary>Copies a version's state onto its task when it is the task's latest version.</summary>
    public static async Task MirrorOnTaskAsync(CatalogContext db, string versionId, CancellationToken cancellationToken)
    {
        var version = await db.Versions.AsNoTracking().SingleAsync(v => v.VersionId == versionId, cancellationToken);
        await db.Tasks
            .Where(task => task.TaskId == version.TaskId && task.LatestVersionId == versionId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(task => task.Status, version.Status)
                .SetProperty(task => task.DurationSeconds, version.DurationSeconds)
                .SetProperty(task => task.StartTime, version.StartTime)
                .SetProperty(task => task.ErrorMsg, version.ErrorMsg)
                .SetProperty(task => task.ResultJson, version.ResultJson), cancellationToken);
    }

    public static bool IsActive(TaskVersionRecord version) => _active.Contains(version.Status);
}
