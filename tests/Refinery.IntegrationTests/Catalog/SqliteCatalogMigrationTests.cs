using Refinery.Catalog;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Catalog;

/// <summary>Migrations on the embedded SQLite catalog.</summary>
public sealed class SqliteCatalogMigrationTests : CatalogMigrationTests, IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("refinery-migrations-");

    protected override Task<CatalogDatabase> NewDatabaseAsync() =>
        Task.FromResult(CatalogDatabase.SqliteFile(Path.Combine(_root.FullName, Guid.NewGuid().ToString("N") + ".db")));

    protected override Task<(RefineryInstance Server, CatalogDatabase Catalog)> NewServerAsync()
    {
        var server = new RefineryInstance();
        Directory.CreateDirectory(server.DataDirectory);
        return Task.FromResult((server, CatalogDatabase.SqliteFile(Path.Combine(server.DataDirectory, "catalog.db"))));
    }

    public void Dispose() => _root.Delete(recursive: true);
}
