using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Refinery.Catalog;

namespace Refinery.Engine.Hosting;

/// <summary>Where jobs wait: in this process's memory beside a SQLite catalog, or in the PostgreSQL catalog every process shares.</summary>
public static class JobStorageFactory
{
    public static JobStorage Create(CatalogDatabase database)
    {
        if (database.Provider != CatalogProvider.PostgreSql)
        {
            return new InMemoryStorage();
        }

        var options = new PostgreSqlStorageOptions
        {
            // Without sliding invisibility a job longer than the timeout is handed to a second worker while the first
            // still runs it; with it, a killed worker's job returns to the queue about one timeout after its last heartbeat.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(2),
            QueuePollInterval = TimeSpan.FromSeconds(1),
            PrepareSchemaIfNecessary = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }
}
