using Refinery.Engine.Reducing;
using Refinery.Operators.Analysis;

namespace Refinery.Engine.Tests;

public sealed class AmendmentSpoolTests
{
    [Fact]
    public async Task Amendments_come_back_for_their_own_samples_in_order_and_samples_without_one_get_none()
    {
        await using var spool = new AmendmentSpool();
        await spool.WriteAsync(new SampleAmendment("0", 0.9, false, null, null), CancellationToken.None);
        await spool.WriteAsync(new SampleAmendment("2", 0.1, true, new DuplicateGroup("exact-1", 2), null), CancellationToken.None);

        var first = await spool.TakeAsync(0, CancellationToken.None);
        var skipped = await spool.TakeAsync(1, CancellationToken.None);
        var third = await spool.TakeAsync(2, CancellationToken.None);

        Assert.Equal(0.9, first!["odd_size_score"]!.GetValue<double>());
        Assert.Null(skipped);
        Assert.True(third!["is_odd_size_issue"]!.GetValue<bool>());
        Assert.Equal("exact-1", third["exact_duplicates_group"]!.GetValue<string>());
        Assert.Null(await spool.TakeAsync(3, CancellationToken.None));
    }
}
