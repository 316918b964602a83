using Refinery.Domain;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Reducing;

namespace Refinery.Engine.Tests;

public sealed class VersionCountsBuilderTests
{
    [Fact]
    public void Added_samples_are_not_counted_among_the_originals()
    {
        var counts = new VersionCountsBuilder();
        foreach (var property in new[] { ResultProperty.Reserved, ResultProperty.Modified, ResultProperty.Modified, ResultProperty.Deleted, ResultProperty.Added })
        {
            counts.Add(property);
        }

        Assert.Equal(new VersionCounts(Origin: 4, Added: 1, Deleted: 1, Modified: 2, Unmodified: 1), counts.Build());
    }
}
