using Microsoft.EntityFrameworkCore;

namespace Refinery.Catalog;

/// <summary>Which database holds the catalog: an embedded SQLite file, or a shared PostgreSQL server.</summary>
public sealed record CatalogDatabase(CatalogProvider Provider, string ConnectionString)
{
    public static CatalogDatabase SqliteFile(string path) =>
        // A generous default timeout: Microsoft.Data.Sqlite retries on SQLITE_BUSY until it runs out, which is how
        // parallel map jobs share one file.
        new(CatalogProvider.Sqlite, $"Data Source={path};Default Timeout=60;Pooling=True");

    public void Configure(DbContextOptionsBuilder builder)
    {
        _ = Provider switch
        {
            CatalogProvider.Sqlite => builder.UseSqlite(ConnectionString),
            CatalogProvider.PostgreSql => builder.UseNpgsql(ConnectionString),
            _ => throw new InvalidOperationException($"Unknown catalog provider {Provider}."),
        };
    }
}
