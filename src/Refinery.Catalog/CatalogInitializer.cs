using Microsoft.EntityFrameworkCore;
using Refinery.Catalog.Schema;

namespace Refinery.Catalog;

/// <summary>Brings a catalog database to the current schema before anything else touches it.</summary>
public static class CatalogInitializer
{
    /// <summary>
    /// Applies the migrations the database lacks, after adopting a catalog an earlier release made without them. Safe
    /// when several processes start at once on one PostgreSQL: they take turns, and the first one migrates.
    /// </summary>
    public static async Task InitializeAsync(IDbContextFactory<CatalogContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // One connection throughout, so that the session holding the migration lock is the one that migrates.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (await CatalogMigrationLock.AcquireAsync(db, cancellationToken))
            {
                await EnsureCreatedCatalogAdoption.AdoptAsync(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (db.Database.IsSqlite())
            {
                // WAL lets the API read while workers write; NORMAL sync is durable across process crashes in WAL mode.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
