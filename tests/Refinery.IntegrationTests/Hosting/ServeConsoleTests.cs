using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Hosting;

/// <summary>What the real <c>refinery serve</c> writes to its console, which often ends up in shared logs.</summary>
public sealed class ServeConsoleTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "refinery-console-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_first_start_says_where_the_token_was_saved_and_never_prints_the_token()
    {
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(Path.Combine(_root, "imgs"));

        using var serve = await ServeProcess.StartAsync(data, ServeProcess.FreePort(), $"imgs={Path.Combine(_root, "imgs")}");

        var (_, token) = ServeProcess.ReadCredentials(data);
        Assert.DoesNotContain(serve.Output, line => line.Contains(token, StringComparison.Ordinal));
        Assert.Contains(serve.Output, line => line.Contains(Path.Combine(data, "credentials.json"), StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
