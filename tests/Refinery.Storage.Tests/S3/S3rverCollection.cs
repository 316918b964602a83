using Refinery.TestSupport;

namespace Refinery.Storage.Tests.S3;

/// <summary>Test classes in this collection share one s3rver process.</summary>
[CollectionDefinition(Name)]
public sealed class S3rverCollection : ICollectionFixture<S3rverFixture>
{
    public const string Name = "s3rver";
}
