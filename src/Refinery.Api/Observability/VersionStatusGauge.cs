using Microsoft.EntityFrameworkCore;
using Prometheus;
using Refinery.Catalog;
using Refinery.Domain;

namespace Refinery.Api.Observability;

/// <summary>
/// <c>refinery_task_versions{status}</c>: how many task versions the catalog holds in each status, counted when
/// <c>/metrics</c> is scraped, so the figure is the catalog's and not a tally this process kept.
/// </summary>
public sealed class VersionStatusGauge(IDbContextFactory<CatalogContext> catalog)
{
    private static readonly Gauge _versions = Metrics.CreateGauge(
        "refinery_task_versions", "Task versions in the catalog by status.", "status");

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var counts = await db.Versions.GroupBy(version => version.Status)
            .Select(group => new { Status = group.Key, Count = group.Count() })
            .ToDictionaryAsync(group => group.Status, group => group.Count, cancellationToken);
        foreach (var status in Enum.GetValues<VersionStatus>())
        {
            _versions.WithLabels(status.ToString().ToLowerInvariant()).Set(counts.GetValueOrDefault((int)status));
        }
    }
}
