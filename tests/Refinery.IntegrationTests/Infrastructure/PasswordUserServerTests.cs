using Refinery.TestSupport;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// Tests on a server of their own, whose clock they move past a token's 24 hours, with a password user
/// (<see cref="UserName"/>, <see cref="Password"/>) of its default project; no workers, since nothing runs tasks.
/// </summary>
public abstract class PasswordUserServerTests : IAsyncLifetime
{
    protected const string UserName = "alice";
    protected const string Password = "correct horse battery";

    protected PasswordUserServerTests()
    {
        Server = new RefineryInstance(options => options with { RunWorkers = false, Clock = Clock });
    }

    protected ShiftedClock Clock { get; } = new();

    protected RefineryInstance Server { get; }

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.CreateUserAsync(UserName, Password, Server.ProjectId);
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}
