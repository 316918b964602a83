using Microsoft.EntityFrameworkCore;

namespace Refinery.Catalog;

/// <summary>Brings a catalog database to the current schema before anything else touches it.</summary>
public static class CatalogInitializer
{
    public static async Task InitializeAsync(IDbContextFactory<CatalogContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the API read while workers write; NORMAL sync is durable across process crashes in WAL mode.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", cancellationToken);
        }
    }
}
