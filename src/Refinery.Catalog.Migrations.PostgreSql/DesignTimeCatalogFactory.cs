using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Refinery.Catalog.Migrations.PostgreSql;

/// <summary>How <c>dotnet ef</c> builds the catalog model for PostgreSQL; it never connects.</summary>
public sealed class DesignTimeCatalogFactory : IDesignTimeDbContextFactory<CatalogContext>
{
    public CatalogContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CatalogContext>();
        CatalogDatabase.PostgreSql("Host=localhost;Database=refinery_design_time").Configure(options);
        return new CatalogContext(options.Options);
    }
}
