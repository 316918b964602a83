using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Refinery.Catalog;
using Refinery.Catalog.Schema;

namespace Refinery.IntegrationTests.Catalog;

/// <summary>Catalog contexts on a database, configured exactly as the server configures them.</summary>
internal static class CatalogFactories
{
    public static PooledDbContextFactory<CatalogContext> For(CatalogDatabase database)
    {
        var builder = new DbContextOptionsBuilder<CatalogContext>();
        database.Configure(builder);
        return new PooledDbContextFactory<CatalogContext>(builder.Options);
    }

    public static async Task<CatalogSchema> SchemaOfAsync(CatalogDatabase database)
    {
        await using var db = await For(database).CreateDbContextAsync();
        return await CatalogSchema.ReadAsync(db, CancellationToken.None);
    }
}
