using Microsoft.Playwright;

namespace Refinery.IntegrationTests.WebConsole;

/// <summary>
/// Debian's <c>chromium</c> driven by Playwright, headless: no browser is downloaded (scripts/install-prerequisites.sh
/// installs the package for the tests). <c>--no-sandbox</c> because tests may run as root, where Chromium's sandbox
/// refuses to start.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: run REFINERY_WITH_TEST_SERVICES=1 scripts/install-prerequisites.sh");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        return new ConsoleBrowser(playwright, browser);
    }

    /// <summary>A fresh page (its own cookies) whose relative addresses go to <paramref name="server"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri server)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
