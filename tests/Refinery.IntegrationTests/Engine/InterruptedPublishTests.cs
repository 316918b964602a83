using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Engine;

/// <summary>What a publish that died half-way (a killed process) left in a version's output never survives its retry.</summary>
[Collection(ServerCollection.Name)]
public sealed class InterruptedPublishTests(RefineryInstance server)
{
    [Fact]
    public async Task Leftovers_of_an_interrupted_publish_are_cleared_before_the_output_is_published_again()
    {
        const int Count = 60;
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "publish-retry", Datasets.SlowFolder(server, "publish-retry", Count), "obs://imgs/out-publish-retry", taskType: "image_classification", maxWidth: 800));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        var data = Path.Combine(server.ImagesDirectory, "out-publish-retry", "output", versionId, "Data");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, ".refinery-tmp-0123456789abcdef"), "half-written by a killed process");
        await File.WriteAllTextAsync(Path.Combine(data, "img9999_checked.jpg"), "published by an attempt whose plan has changed");

        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);

        Assert.True(version["progress"]!["processed"]!.GetValue<int>() == Count, "the litter must be written while the run is still mapping");
        var published = Directory.GetFiles(data).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, Count).Select(index => $"img{index:D4}_checked.jpg").ToArray(), published);
    }
}
