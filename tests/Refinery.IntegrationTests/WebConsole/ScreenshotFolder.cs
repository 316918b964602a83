namespace Refinery.IntegrationTests.WebConsole;

/// <summary>
/// Where the browser test saves its screenshots: <c>REFINERY_SCREENSHOTS_DIR</c> when set (scripts/screenshots.sh
/// points it at docs/images to refresh the README's pictures), else <c>TestResults/console</c> beside the tests.
/// </summary>
public static class ScreenshotFolder
{
    public static string Resolve()
    {
        var folder = Environment.GetEnvironmentVariable("REFINERY_SCREENSHOTS_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "console");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
