using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Catalog;

/// <summary>Migrations on a PostgreSQL catalog, which several processes may start on at once.</summary>
[Collection(PostgresServerCollection.Name)]
public sealed class PostgresCatalogMigrationTests(PostgresRefineryInstance postgres) : CatalogMigrationTests
{
    protected override async Task<CatalogDatabase> NewDatabaseAsync() => CatalogDatabase.PostgreSql(await postgres.Cluster.CreateDatabaseAsync());

    protected override async Task<(RefineryInstance Server, CatalogDatabase Catalog)> NewServerAsync()
    {
        var url = await postgres.Cluster.CreateDatabaseAsync();
        return (new RefineryInstance(options => options with { Database = url }), CatalogDatabase.PostgreSql(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("e89f607")]
    public async Task Processes_starting_at_once_migrate_the_catalog_once(string? release)
    {
        var database = await NewDatabaseAsync();
        if (release is not null)
        {
            await LegacyCatalog.CreateAsync(database, release);
        }

        // Each its own factory and connections, as separate serve and worker processes have.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => CatalogInitializer.InitializeAsync(CatalogFactories.For(database), CancellationToken.None))));

        await using var db = await CatalogFactories.For(database).CreateDbContextAsync();
        var applied = await db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" """).ToListAsync();
        Assert.Equal(db.Database.GetMigrations(), applied.Order(StringComparer.Ordinal));
    }
}
