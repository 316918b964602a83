using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Refinery.Catalog;

/// <summary>Which database holds the catalog: an embedded SQLite file, or a shared PostgreSQL server.</summary>
public sealed record CatalogDatabase(CatalogProvider Provider, string ConnectionString)
{
    public static CatalogDatabase SqliteFile(string path) =>
        // A generous default timeout: Microsoft.Data.Sqlite retries on SQLITE_BUSY until it runs out, which is how
        // parallel map jobs share one file.
        new(CatalogProvider.Sqlite, $"Data Source={path};Default Timeout=60;Pooling=True");

    /// <summary>
    /// A PostgreSQL catalog from <c>postgres://user:password@host:port/database</c> (also <c>postgresql://</c>) or an
    /// Npgsql connection string (<c>Host=…;Database=…</c>). Throws <see cref="ArgumentException"/> saying what is
    /// wrong, never repeating the password.
    /// </summary>
    public static CatalogDatabase PostgreSql(string urlOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urlOrConnectionString);
        var connection = Uri.TryCreate(urlOrConnectionString, UriKind.Absolute, out var url) && url.Scheme is "postgres" or "postgresql"
            ? FromUrl(url)
            : FromConnectionString(urlOrConnectionString);
        if (string.IsNullOrEmpty(connection.Host) || string.IsNullOrEmpty(connection.Database))
        {
            throw new ArgumentException("The PostgreSQL catalog needs a host and a database: postgres://user:password@host:port/database.");
        }

        return new(CatalogProvider.PostgreSql, connection.ConnectionString);
    }

    /// <summary>
    /// Each provider's migrations live in their own assembly (SQL types and DDL differ), named here rather than
    /// referenced: they reference this assembly, and the host that runs them references both.
    /// </summary>
    public const string SqliteMigrationsAssembly = "Refinery.Catalog.Migrations.Sqlite";

    public const string PostgreSqlMigrationsAssembly = "Refinery.Catalog.Migrations.PostgreSql";

    public void Configure(DbContextOptionsBuilder builder)
    {
        _ = Provider switch
        {
            CatalogProvider.Sqlite => builder.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)),
            CatalogProvider.PostgreSql => builder.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
            _ => throw new InvalidOperationException($"Unknown catalog provider {Provider}."),
        };
    }

    private static NpgsqlConnectionStringBuilder FromUrl(Uri url)
    {
        var credentials = url.UserInfo.Split(':', 2);
        return new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
            Username = credentials[0].Length > 0 ? Uri.UnescapeDataString(credentials[0]) : null,
            Password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : null,
        };
    }

    private static NpgsqlConnectionStringBuilder FromConnectionString(string text)
    {
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            throw new ArgumentException("The catalog database must be a postgres://user:password@host:port/database URL or a connection string (Host=…;Database=…).");
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException error)
        {
            // Npgsql names the unknown keyword; the value, which may be the password, is not repeated.
            throw new ArgumentException($"The catalog connection string is not one PostgreSQL understands: {error.Message}", error);
        }
    }
}
