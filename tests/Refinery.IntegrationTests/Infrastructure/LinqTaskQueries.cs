using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Refinery.Catalog;
using Refinery.Engine.Tasks;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary><see cref="TaskQueries"/> over a test server's SQLite catalog through EF alone, without the prepared detail read.</summary>
public static class LinqTaskQueries
{
    public static string CatalogPath(RefineryInstance server) => Path.Combine(server.DataDirectory, "catalog.db");

    /// <param name="interceptors">EF interceptors to see the commands the queries run, or none.</param>
    public static TaskQueries For(RefineryInstance server, params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<CatalogContext>().AddInterceptors(interceptors);
        CatalogDatabase.SqliteFile(CatalogPath(server)).Configure(builder);
        return new TaskQueries(new PooledDbContextFactory<CatalogContext>(builder.Options), TimeProvider.System);
    }
}
