using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

/// <summary>The task queries, on a server whose catalog and job queue are in PostgreSQL.</summary>
[Collection(PostgresServerCollection.Name)]
public sealed class PostgresTaskQueryTests(PostgresRefineryInstance postgres) : TaskQueryTests(postgres.Server);
