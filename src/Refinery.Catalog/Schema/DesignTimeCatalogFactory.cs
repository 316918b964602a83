using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Refinery.Catalog.Schema;

/// <summary>
/// How <c>dotnet ef</c> builds the catalog model in a provider's migrations project (its startup project); the
/// database is never opened, so the connection only has to name the provider.
/// </summary>
public abstract class DesignTimeCatalogFactory(CatalogDatabase database) : IDesignTimeDbContextFactory<CatalogContext>
{
    public CatalogContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CatalogContext>();
        database.Configure(options);
        return new CatalogContext(options.Options);
    }
}
