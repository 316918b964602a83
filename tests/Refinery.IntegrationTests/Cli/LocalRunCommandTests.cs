using System.Text.RegularExpressions;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Cli;

/// <summary><c>refinery analyse DIR</c> and <c>refinery validate DIR</c>, run as the real executable with no server anywhere.</summary>
public sealed partial class LocalRunCommandTests : IDisposable
{
    private static readonly string[] _imageFeatures = ["resolution", "aspect_ratio", "brightness", "saturation", "clarity", "colorfulness"];
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("refinery-local-test-");

    [Fact]
    public async Task Analyse_prints_the_feature_summaries_and_writes_a_report_with_a_histogram_per_feature()
    {
        var folder = Folder("photos");
        for (var seed = 1; seed <= 3; seed++)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"photo{seed}.jpg"), QualityImages.Normal(seed));
        }

        await File.WriteAllBytesAsync(Path.Combine(folder, "night.png"), QualityImages.Dark(7));
        var report = Path.Combine(_root.FullName, "analysis.html");

        var run = await RefineryCli.RunAsync(new CliEnvironment(new Dictionary<string, string>()), "analyse", folder, "--report", report);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("4/4 samples", run.StandardError, StringComparison.Ordinal);
        var lines = run.StandardOutput.Split('\n');
        Assert.All(_imageFeatures, feature => Assert.Contains(lines, line => Regex.IsMatch(line, $@"│ {feature} +│ image +│ 4 +│")));
        Assert.Contains(lines, line => DarkRow().IsMatch(line));
        var html = await File.ReadAllTextAsync(report);
        Assert.Equal(_imageFeatures.Length, Regex.Count(html, "<figure data-feature="));
        Assert.Equal(_imageFeatures.Length * 20, Regex.Count(html, "class=\"bar\""));
        Assert.Contains($"Report: {report}", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_lists_the_removed_sample_with_its_reason_and_keeps_the_output_where_asked()
    {
        var folder = Folder("mixed");
        await File.WriteAllBytesAsync(Path.Combine(folder, "good.jpg"), TestImages.Jpeg(64, 48, 3));
        await File.WriteAllBytesAsync(Path.Combine(folder, "broken.jpg"), TestImages.TruncatedJpeg(64, 48));
        var output = Path.Combine(_root.FullName, "checked");
        var report = Path.Combine(_root.FullName, "validation.html");

        var run = await RefineryCli.RunAsync(
            new CliEnvironment(new Dictionary<string, string>()),
            "validate", folder, "--task-type", "image_classification", "--output", output, "--report", report);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"│ 2 +│ 1 +│ 0 +│ 1 +│", run.StandardOutput);
        Assert.Matches(@"│ mixed/broken\.jpg +│ deleted +│ \S", run.StandardOutput);
        Assert.DoesNotContain("good.jpg", run.StandardOutput, StringComparison.Ordinal);
        var manifest = Assert.Single(Directory.GetFiles(output, "output.manifest", SearchOption.AllDirectories));
        Assert.Contains("good.jpg", await File.ReadAllTextAsync(manifest), StringComparison.Ordinal);
        Assert.Contains("mixed/broken.jpg", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_without_a_task_type_is_refused_before_anything_runs()
    {
        var run = await RefineryCli.RunAsync(new CliEnvironment(new Dictionary<string, string>()), "validate", Folder("empty"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--task-type is required", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root.FullName, name)).FullName;

    [GeneratedRegex(@"│ dark +│ 1 +│")]
    private static partial Regex DarkRow();
}
