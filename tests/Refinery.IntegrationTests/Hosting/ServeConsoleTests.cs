using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Hosting;

/// <summary>What the real <c>refinery serve</c> writes to its console, which often ends up in shared logs.</summary>
public sealed class ServeConsoleTests
{
    [Fact]
    public async Task The_first_start_says_where_the_token_was_saved_and_never_prints_the_token()
    {
        using var sandbox = new ServeSandbox();

        using var serve = await sandbox.StartAsync();

        var (_, token) = ServeProcess.ReadCredentials(sandbox.DataDirectory);
        Assert.DoesNotContain(serve.Output, line => line.Contains(token, StringComparison.Ordinal));
        Assert.Contains(serve.Output, line => line.Contains(Path.Combine(sandbox.DataDirectory, "credentials.json"), StringComparison.Ordinal));
    }
}
