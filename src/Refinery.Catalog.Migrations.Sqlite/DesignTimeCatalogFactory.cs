using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Refinery.Catalog.Migrations.Sqlite;

/// <summary>How <c>dotnet ef</c> builds the catalog model for SQLite; it never opens the file.</summary>
public sealed class DesignTimeCatalogFactory : IDesignTimeDbContextFactory<CatalogContext>
{
    public CatalogContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CatalogContext>();
        CatalogDatabase.SqliteFile("design-time-catalog.db").Configure(options);
        return new CatalogContext(options.Options);
    }
}
