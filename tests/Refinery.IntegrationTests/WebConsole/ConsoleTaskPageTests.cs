using System.Net;
using System.Text.RegularExpressions;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.WebConsole;

/// <summary>The task page as the server renders it, read over HTTP with a signed-in session.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class ConsoleTaskPageTests(RefineryInstance server)
{
    [Fact]
    public async Task An_analysis_page_overlays_the_histograms_of_every_completed_version()
    {
        var input = Datasets.SmallFolder(server, "console-overlay", count: 3);
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Analysis("console-overlay", input));
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));
        server.WriteImage("console-overlay/later.jpg", TestImages.Jpeg(120, 40, 9));
        var second = await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions", """{ "name": "console-overlay" }""");
        Assert.True(second.Status == HttpStatusCode.OK, second.Raw);
        await server.Client.WaitForCompletionAsync(taskId, second.Json["version_id"]!.GetValue<string>());
        using var session = new ConsoleHttpSession(server.BaseAddress);
        using var signedIn = await session.SignInAsync(server.ProjectId, server.Token);

        using var response = await session.GetAsync($"/console/tasks/{taskId}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var brightness = BrightnessFigure().Match(page).Value;
        Assert.Equal(2 * 20, Regex.Count(brightness, "class=\"bar\""));
        Assert.Contains("data-series=\"V001\"", brightness, StringComparison.Ordinal);
        Assert.Contains("data-series=\"V002\"", brightness, StringComparison.Ordinal);
        Assert.DoesNotContain("hx-trigger", page, StringComparison.Ordinal); // nothing runs, so nothing polls
    }

    [GeneratedRegex("<figure data-feature=\"brightness\">.*?</figure>", RegexOptions.Singleline)]
    private static partial Regex BrightnessFigure();
}
