using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

/// <summary>Versions run, stop and report on a server whose catalog and job queue are in PostgreSQL.</summary>
[Collection(PostgresServerCollection.Name)]
public sealed class PostgresTaskVersionTests(PostgresRefineryInstance postgres) : TaskVersionTests(postgres.Server);
