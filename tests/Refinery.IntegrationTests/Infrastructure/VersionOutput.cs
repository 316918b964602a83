using System.Text.Json.Nodes;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>What a processing version left behind: its results by input file name, the files and manifest it published.</summary>
public static class VersionOutput
{
    /// <summary>Every result of the version, keyed by the file name of its input.</summary>
    public static async Task<Dictionary<string, JsonNode>> ResultsByNameAsync(RefineryApiClient client, string taskId, string versionId) =>
        (await client.AllResultsAsync(taskId, versionId)).ToDictionary(result => Path.GetFileName(result["origin_source"]!.GetValue<string>()));

    /// <summary>The input file names of the removed samples (property 2), in ordinal order.</summary>
    public static string[] Removed(IReadOnlyDictionary<string, JsonNode> results) =>
        [.. results.Where(pair => pair.Value["result_property"]!.GetValue<int>() == 2).Select(pair => pair.Key).Order(StringComparer.Ordinal)];

    /// <summary>The input file names of the samples that went on (any property but 2), in ordinal order.</summary>
    public static string[] Kept(IReadOnlyDictionary<string, JsonNode> results) =>
        [.. results.Where(pair => pair.Value["result_property"]!.GetValue<int>() != 2).Select(pair => pair.Key).Order(StringComparer.Ordinal)];

    /// <summary>Every line of a result's <c>result_description</c>.</summary>
    public static IEnumerable<string> Description(JsonNode result) =>
        result["result_description"]!.AsArray().SelectMany(line => line!.AsArray().Select(text => text!.GetValue<string>()));

    /// <summary>Where a version of a task whose work path is <c>obs://imgs/&lt;workFolder&gt;</c> publishes.</summary>
    public static string Directory(string imagesDirectory, string workFolder, string versionId) =>
        Path.Combine(imagesDirectory, workFolder, "output", versionId);

    /// <summary>The file names under the version's <c>Data/</c>, in ordinal order.</summary>
    public static string[] PublishedFiles(string outputDirectory) =>
        [.. System.IO.Directory.GetFiles(Path.Combine(outputDirectory, "Data"), "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static JsonNode[] ManifestLines(string outputDirectory) =>
        [.. File.ReadAllLines(Path.Combine(outputDirectory, "output.manifest")).Select(line => JsonNode.Parse(line)!)];
}
