using Microsoft.EntityFrameworkCore;

namespace Refinery.Catalog.Schema;

/// <summary>
/// Makes processes that start at once on one PostgreSQL catalog migrate it one after the other: a session-level
/// advisory lock held by the connection that migrates. EF Core's own lock (Npgsql locks the history table inside the
/// migration transaction) starts only after the history table is created, which concurrent <c>CREATE TABLE IF NOT
/// EXISTS</c> can fail, and does not cover adopting a catalog made before migrations. SQLite needs none: adoption runs
/// in one write transaction and EF Core locks migrations with its own lock table.
/// </summary>
internal sealed class CatalogMigrationLock : IAsyncDisposable
{
    // Any key works as long as nothing else in the database uses it: "Refinery" in ASCII, as a bigint.
    private const string LockSql = "SELECT pg_advisory_lock(5937264286767608441)";
    private const string UnlockSql = "SELECT pg_advisory_unlock(5937264286767608441)";

    private readonly CatalogContext? _db;

    private CatalogMigrationLock(CatalogContext? db)
    {
        _db = db;
    }

    /// <summary>Waits for the lock on PostgreSQL; the connection must stay open until the lock is disposed.</summary>
    public static async Task<CatalogMigrationLock> AcquireAsync(CatalogContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new(null);
        }

        await db.Database.ExecuteSqlRawAsync(LockSql, cancellationToken);
        return new(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.Database.ExecuteSqlRawAsync(UnlockSql);
        }
    }
}
