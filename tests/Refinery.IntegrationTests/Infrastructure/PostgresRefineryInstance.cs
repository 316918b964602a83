using Refinery.TestSupport;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>A Refinery server whose catalog and job queue live in a database of a throwaway PostgreSQL cluster.</summary>
public sealed class PostgresRefineryInstance : IAsyncLifetime
{
    public PostgresCluster Cluster { get; } = new();

    public RefineryInstance Server { get; private set; } = null!;

    /// <summary>The URL of the database the server's catalog is in, for other processes to share it.</summary>
    public string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        var database = await Cluster.CreateDatabaseAsync();
        Database = database;
        Server = new RefineryInstance(options => options with { Database = database });
        await Server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        await Cluster.DisposeAsync();
    }
}
