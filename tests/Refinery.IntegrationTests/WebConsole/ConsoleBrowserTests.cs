using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.TestSupport;
using Xunit.Abstractions;

namespace Refinery.IntegrationTests.WebConsole;

/// <summary>The console in a real browser against a real server: sign in, create an analysis, read its charts and results.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class ConsoleBrowserTests(RefineryInstance server, ITestOutputHelper output)
{
    private const int HistogramBins = 20;
    private const int Photos = 10;
    private const int DarkImages = 2;
    private static readonly string[] _imageFeatures = ["resolution", "aspect_ratio", "brightness", "saturation", "clarity", "colorfulness"];

    [Fact]
    public async Task A_user_signs_in_analyses_a_folder_reads_its_histograms_and_filters_its_results()
    {
        const string Folder = "console-street";
        for (var seed = 0; seed < Photos; seed++)
        {
            // Photo-like pictures of several sizes, so that the charts and the gallery look like a real folder's.
            using var photo = PhotoLikeImages.Create(seed + 1, 280 + (seed * 24), 210);
            server.WriteImage($"{Folder}/photo{seed}.jpg", photo.ImEncode(".jpg"));
        }

        for (var seed = 0; seed < DarkImages; seed++)
        {
            server.WriteImage($"{Folder}/night{seed}.png", QualityImages.Dark(seed + 50));
        }

        var screenshots = ScreenshotFolder.Resolve();
        output.WriteLine($"screenshots: {screenshots}");
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(server.BaseAddress);
        page.SetDefaultTimeout(120_000);

        await page.GotoAsync("/console");
        await Assertions.Expect(page).ToHaveURLAsync(SignInAddress());
        await page.FillAsync("#project_id", server.ProjectId);
        await page.FillAsync("#token", server.Token);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "console-sign-in.png") });
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(TaskListAddress());

        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "New task" }).ClickAsync();
        await page.SelectOptionAsync("#template", "sys_data_analyse");
        await page.FillAsync("#name", "street-look");
        await page.FillAsync("#source", $"obs://imgs/{Folder}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "console-new-task.png") });
        await page.ClickAsync("#new-task button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(TaskAddress());

        // The versions table polls itself and reloads the page when the run ends, which brings the charts.
        await Assertions.Expect(page.Locator("#versions td.status")).ToContainTextAsync("completed");
        var brightness = page.Locator("figure[data-feature=brightness] svg.histogram");
        await Assertions.Expect(brightness).ToBeVisibleAsync();
        Assert.Equal(HistogramBins, await brightness.Locator("rect.bar").CountAsync());
        Assert.Equal(_imageFeatures, await page.Locator("figure[data-feature]").EvaluateAllAsync<string[]>("figures => figures.map(f => f.dataset.feature)"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "console-task.png"), FullPage = true });

        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Tasks", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#tasks tr", new() { HasText = "street-look" })).ToContainTextAsync("completed");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "console-tasks.png") });

        await page.Locator("#tasks").GetByRole(AriaRole.Link, new() { Name = "street-look" }).ClickAsync();
        await page.Locator("#versions").GetByRole(AriaRole.Link, new() { Name = "results" }).ClickAsync();
        await Assertions.Expect(page.Locator("figure.result")).ToHaveCountAsync(Photos + DarkImages);
        await Assertions.Expect(page.Locator("figure.result img").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "console-results.png"), FullPage = true });
        await page.SelectOptionAsync("select[name=issue]", "dark");
        await page.ClickAsync("#result-filters button[type=submit]");
        await Assertions.Expect(page.Locator("figure.result")).ToHaveCountAsync(DarkImages);
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync($"{DarkImages} results");
        Assert.All(await page.Locator("figure.result figcaption").AllInnerTextsAsync(), caption => Assert.Contains("night", caption));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "console-results-dark.png"), FullPage = true });
    }

    [GeneratedRegex("/console/sign-in\\?return_url=")]
    private static partial Regex SignInAddress();

    [GeneratedRegex("/console$")]
    private static partial Regex TaskListAddress();

    [GeneratedRegex("/console/tasks/[0-9a-zA-Z]+$")]
    private static partial Regex TaskAddress();
}
