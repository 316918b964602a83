using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Conformance;

/// <summary>A sample's result description names the dataset-level issues the reduce found on it, not only per-image ones.</summary>
[Collection(ServerCollection.Name)]
public sealed class ResultDescriptionTests(RefineryInstance server)
{
    [Fact]
    public async Task A_duplicated_image_says_it_is_one_of_a_duplicate_group()
    {
        var photo = TestImages.Jpeg(256, 192, 41);
        server.WriteImage("describe-dups/one.jpg", photo);
        server.WriteImage("describe-dups/two.jpg", photo);
        server.WriteImage("describe-dups/other.jpg", TestImages.Jpeg(256, 192, 42));

        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Analysis("describe-dups", "obs://imgs/describe-dups"));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        await server.Client.WaitForCompletionAsync(taskId, versionId);
        var descriptions = (await server.Client.AllResultsAsync(taskId, versionId)).ToDictionary(
            result => Path.GetFileName(result["origin_source"]!.GetValue<string>()),
            result => result["result_description"]!.AsArray().Select(line => line![0]!.GetValue<string>()).ToList());

        Assert.Contains("dataset-level quality issues: exact_duplicates (one of 2 images)", descriptions["one.jpg"]);
        Assert.Contains("dataset-level quality issues: exact_duplicates (one of 2 images)", descriptions["two.jpg"]);
        Assert.DoesNotContain(descriptions["other.jpg"], line => line.StartsWith("dataset-level", StringComparison.Ordinal));
    }
}
