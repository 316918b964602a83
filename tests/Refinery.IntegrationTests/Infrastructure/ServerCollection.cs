namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>The API tests share one server (one Hangfire instance per process); each test uses its own names and folders.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<RefineryInstance>
{
    public const string Name = "server";
}
