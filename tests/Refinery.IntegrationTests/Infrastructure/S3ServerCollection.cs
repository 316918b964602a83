namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>Tests of S3 buckets and signed links share one server backed by one s3rver.</summary>
[CollectionDefinition(Name)]
public sealed class S3ServerCollection : ICollectionFixture<S3RefineryInstance>
{
    public const string Name = "s3-server";
}
