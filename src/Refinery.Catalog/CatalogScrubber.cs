using Microsoft.EntityFrameworkCore;

namespace Refinery.Catalog;

/// <summary>
/// Removes the old copies of overwritten values (secrets that were stored in clear) from the catalog's files: SQLite
/// keeps them in free pages and in the write-ahead log until the file is rebuilt.
/// </summary>
public static class CatalogScrubber
{
    public static async Task RemoveOverwrittenDataAsync(CatalogContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            // A PostgreSQL server's storage is its administrator's to vacuum; nothing here can reach its WAL archive.
            return;
        }

        // Checkpoint and empty the log, rebuild the file without free pages, then empty the log VACUUM wrote through.
        await db.Database.ExecuteSqlRawAsync(
            "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }
}
