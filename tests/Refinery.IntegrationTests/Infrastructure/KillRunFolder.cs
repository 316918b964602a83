using System.Text.Json.Nodes;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// The folder the kill tests of distributed mode run on: 2,000 small images, every tenth a copy of the one seven
/// before it so that exact-duplicate sets span shards, and the analysis result of one run over it without a kill,
/// which every killed run must reproduce.
/// </summary>
public sealed class KillRunFolder : IDisposable
{
    public const int SampleCount = 2000;

    /// <summary>The images' folder inside the bucket <c>imgs</c>.</summary>
    public const string Folder = "many";

    private readonly DirectoryInfo _images = Directory.CreateTempSubdirectory("refinery-kill-imgs-");
    private readonly SemaphoreSlim _referenceGate = new(1, 1);
    private JsonNode? _referenceAnalysis;

    public KillRunFolder()
    {
        var folder = _images.CreateSubdirectory(Folder).FullName;
        for (var index = 0; index < SampleCount; index++)
        {
            var seed = index % 10 == 9 ? index - 7 : index;
            File.WriteAllBytes(Path.Combine(folder, $"img{index:D4}.jpg"), TestImages.Jpeg(48, 32, seed));
        }
    }

    /// <summary>The directory served as the bucket <c>imgs</c>.</summary>
    public string ImagesDirectory => _images.FullName;

    /// <summary>Every input sample as results name it.</summary>
    public static IEnumerable<string> Sources =>
        Enumerable.Range(0, SampleCount).Select(index => $"obs://imgs/{Folder}/img{index:D4}.jpg");

    /// <summary>The task result of an analysis of the folder that nothing interrupted, run through <paramref name="client"/> by the first test that asks.</summary>
    public async Task<JsonNode> ReferenceAnalysisAsync(RefineryApiClient client)
    {
        await _referenceGate.WaitAsync();
        try
        {
            if (_referenceAnalysis is null)
            {
                var taskId = await client.CreateTaskAsync(TaskBodies.Analysis("reference", $"obs://imgs/{Folder}"));
                await client.WaitForCompletionAsync(taskId, await client.LatestVersionIdAsync(taskId));
                _referenceAnalysis = (await client.GetAsync($"{client.Tasks}/{taskId}")).Json["result"]!;
            }

            return _referenceAnalysis;
        }
        finally
        {
            _referenceGate.Release();
        }
    }

    public void Dispose()
    {
        _referenceGate.Dispose();
        _images.Delete(recursive: true);
    }
}
