using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Domain;

namespace Refinery.Engine.Lifecycle;

/// <summary>
/// Answers "has this version been stopped (or otherwise finished)?" between samples without a catalog query per
/// sample: one query per version per <see cref="EngineOptions.StopCheckInterval"/>, shared by all worker threads.
/// </summary>
public sealed class StopSignal(IDbContextFactory<CatalogContext> catalog, TimeProvider clock, EngineOptions options)
{
    private readonly ConcurrentDictionary<string, Observation> _observations = new();

    public async ValueTask<bool> IsStoppedAsync(string versionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_observations.TryGetValue(versionId, out var seen) && now - seen.At < options.StopCheckInterval)
        {
            return seen.Stopped;
        }

        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var status = await db.Versions.Where(version => version.VersionId == versionId)
            .Select(version => (int?)version.Status).SingleOrDefaultAsync(cancellationToken);
        var stopped = status != (int)VersionStatus.Running;
        _observations[versionId] = new Observation(now, stopped);
        return stopped;
    }

    public void Forget(string versionId) => _observations.TryRemove(versionId, out _);

    private readonly record struct Observation(DateTimeOffset At, bool Stopped);
}
