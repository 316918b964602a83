using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

/// <summary>The catalog's one <c>is_current</c> rule gives the same answer through LINQ and through the prepared SQLite read.</summary>
[Collection(ServerCollection.Name)]
public sealed class TaskCurrencyTests(RefineryInstance server)
{
    [Fact]
    public async Task The_detail_read_through_linq_judges_is_current_like_the_prepared_sqlite_read()
    {
        var input = Datasets.SmallFolder(server, "query-current-linq", 1);
        var older = await server.Client.CreateTaskAsync(TaskBodies.Validation("query-linq-a", input, "obs://imgs/out-ql", createVersion: false));
        var newer = await server.Client.CreateTaskAsync(TaskBodies.Validation("query-linq-b", input, "obs://imgs/out-ql", createVersion: false));
        var linqOnly = LinqTaskQueries.For(server);

        Assert.False((await linqOnly.GetTaskAsync(server.ProjectId, older, CancellationToken.None)).IsCurrent);
        Assert.True((await linqOnly.GetTaskAsync(server.ProjectId, newer, CancellationToken.None)).IsCurrent);
        Assert.False((await server.Client.GetAsync($"{server.Client.Tasks}/{older}")).Json["is_current"]!.GetValue<bool>());
    }
}
