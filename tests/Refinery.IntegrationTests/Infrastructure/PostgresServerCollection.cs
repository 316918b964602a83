namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>The API tests that also run on a PostgreSQL catalog share one such server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresServerCollection : ICollectionFixture<PostgresRefineryInstance>
{
    public const string Name = "postgres-server";
}
