using System.Text.Json.Nodes;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// What a processing version left, read as the cleaning tests check it: results by input file name, the removed
/// names, description lines, and the files and manifest lines published under <c>obs://imgs/out-&lt;folder&gt;</c>.
/// </summary>
public static class CleaningOutputs
{
    public static async Task<Dictionary<string, JsonNode>> ResultsByNameAsync(this RefineryInstance server, string taskId, string versionId) =>
        (await server.Client.AllResultsAsync(taskId, versionId)).ToDictionary(result => Path.GetFileName(result["origin_source"]!.GetValue<string>()));

    public static string[] Removed(Dictionary<string, JsonNode> results) =>
        [.. results.Where(pair => pair.Value["result_property"]!.GetValue<int>() == 2).Select(pair => pair.Key).Order(StringComparer.Ordinal)];

    public static IEnumerable<string> Description(JsonNode result) =>
        result["result_description"]!.AsArray().SelectMany(line => line!.AsArray().Select(text => text!.GetValue<string>()));

    public static string[] PublishedFiles(this RefineryInstance server, string folder, string versionId) =>
        [.. Directory.GetFiles(Path.Combine(server.ImagesDirectory, $"out-{folder}", "output", versionId, "Data"), "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static JsonNode[] ManifestLines(this RefineryInstance server, string folder, string versionId) =>
        [.. File.ReadAllLines(Path.Combine(server.ImagesDirectory, $"out-{folder}", "output", versionId, "output.manifest")).Select(line => JsonNode.Parse(line)!)];
}
