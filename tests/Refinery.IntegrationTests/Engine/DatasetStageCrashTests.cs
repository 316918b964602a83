using Refinery.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// Killing the server after every shard of a run is mapped — while its dataset stage decides or its output is published —
/// and starting it again gives the same kept set, every sample exactly once.
/// </summary>
public sealed class DatasetStageCrashTests(ITestOutputHelper log) : IDisposable
{
    private const int NormalCount = 400;
    private const int DarkCount = 100;
    private const int SceneCount = 180;
    private const int CopyCount = 60;
    private readonly DatasetStageCrash _crash = new(log);

    [Fact]
    public async Task A_cleaning_run_killed_after_its_map_pass_completes_after_restart_with_the_same_kept_set_once()
    {
        WriteImages(_crash.InputFolder);
        var killed = await _crash.KillAfterMappingAsync(NormalCount + DarkCount, attempt => TaskBodies.QualityFilter(
            $"stage-crash-{attempt}", DatasetStageCrash.InputPath, $"obs://imgs/out{attempt}", "\"do_validation\": \"False\""));

        using var second = await _crash.RestartAsync();
        using var resumed = second.CreateClient(_crash.DataDirectory);
        var version = await resumed.WaitForCompletionAsync(killed.TaskId, killed.VersionId);
        var results = await DatasetStageCrash.AssertEverySampleOnceAsync(resumed, killed, version, NormalCount + DarkCount);

        Assert.Equal(Enumerable.Range(0, NormalCount).Select(index => $"normal{index:D4}.jpg").ToArray(), VersionOutput.Kept(results));
    }

    [Fact]
    public async Task A_selection_run_killed_after_its_map_pass_completes_after_restart_with_the_kept_set_of_an_uninterrupted_run_once()
    {
        WriteScenesAndCopies(_crash.InputFolder);
        var killed = await _crash.KillAfterMappingAsync(SceneCount + CopyCount, attempt => TaskBodies.Selection(
            "SimDeduplication", $"selection-crash-{attempt}", DatasetStageCrash.InputPath, $"obs://imgs/out{attempt}", "\"do_validation\": \"False\""));

        using var second = await _crash.RestartAsync();
        using var resumed = second.CreateClient(_crash.DataDirectory);
        var version = await resumed.WaitForCompletionAsync(killed.TaskId, killed.VersionId);
        var results = await DatasetStageCrash.AssertEverySampleOnceAsync(resumed, killed, version, SceneCount + CopyCount);
        var uninterruptedTask = await resumed.CreateTaskAsync(TaskBodies.Selection(
            "SimDeduplication", "selection-uninterrupted", DatasetStageCrash.InputPath, "obs://imgs/out-uninterrupted", "\"do_validation\": \"False\""));
        var uninterruptedVersion = await resumed.LatestVersionIdAsync(uninterruptedTask);
        await resumed.WaitForCompletionAsync(uninterruptedTask, uninterruptedVersion);
        var uninterrupted = await VersionOutput.ResultsByNameAsync(resumed, uninterruptedTask, uninterruptedVersion);

        Assert.Equal(VersionOutput.Kept(uninterrupted), VersionOutput.Kept(results));
        Assert.All(Enumerable.Range(0, CopyCount), index => Assert.Equal(2, results[$"scene{index:D4}_q60.jpg"]["result_property"]!.GetValue<int>()));
    }

    public void Dispose() => _crash.Dispose();

    private static void WriteScenesAndCopies(string folder)
    {
        Directory.CreateDirectory(folder);
        for (var index = 0; index < SceneCount; index++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"scene{index:D4}.jpg"), SelectionImages.Scene(index + 1));
        }

        for (var index = 0; index < CopyCount; index++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"scene{index:D4}_q60.jpg"), SelectionImages.AtQuality60(index + 1));
        }
    }

    private static void WriteImages(string folder)
    {
        // Each from its own seed: copies would be removed as duplicates of the first.
        Directory.CreateDirectory(folder);
        for (var index = 0; index < NormalCount; index++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"normal{index:D4}.jpg"), QualityImages.Normal(index + 1));
        }

        for (var index = 0; index < DarkCount; index++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"dark{index:D4}.png"), QualityImages.Dark(NormalCount + index + 1));
        }
    }
}
