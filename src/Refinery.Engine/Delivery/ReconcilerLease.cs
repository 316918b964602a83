using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Catalog.Records;

namespace Refinery.Engine.Delivery;

/// <summary>
/// The lease that lets one process at a time run the reconciler. Taken and renewed by one conditional update (held by
/// this process, or expired); a holder that dies stops renewing, and another process takes over once it expires.
/// </summary>
public sealed class ReconcilerLease(IDbContextFactory<CatalogContext> catalog, WorkerIdentity identity, TimeProvider clock, EngineOptions options)
{
    public const string Name = "reconciler";

    /// <summary>Takes or renews the lease for <see cref="EngineOptions.ReconcilerLease"/>; true while this process holds it.</summary>
    public async Task<bool> TryHoldAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var expiresAt = now + (long)options.ReconcilerLease.TotalMilliseconds;
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var held = await db.Leases.Where(lease => lease.Name == Name && (lease.Holder == identity.Id || lease.ExpiresAt < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(lease => lease.Holder, identity.Id)
                .SetProperty(lease => lease.ExpiresAt, expiresAt), cancellationToken);
        if (held == 1)
        {
            return true;
        }

        if (await db.Leases.AnyAsync(lease => lease.Name == Name, cancellationToken))
        {
            return false;
        }

        try
        {
            // The first process ever: whoever inserts the row holds the lease; the others lose on the key.
            db.Leases.Add(new LeaseRecord { Name = Name, Holder = identity.Id, ExpiresAt = expiresAt });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Gives the lease up when this process stops cleanly, so another takes over without waiting for it to expire.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await db.Leases.Where(lease => lease.Name == Name && lease.Holder == identity.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(lease => lease.ExpiresAt, 0L), cancellationToken);
    }
}
