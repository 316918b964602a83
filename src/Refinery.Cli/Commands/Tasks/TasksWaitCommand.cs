using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Refinery.Cli.Client;
using Refinery.Domain;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands.Tasks;

/// <summary>
/// <c>refinery tasks wait TASK_ID</c>: follows a version to its end with a live progress bar (processed / total, rate,
/// ETA); exits 0 when it completes, <see cref="ExitCodes.VersionFailed"/> or <see cref="ExitCodes.VersionStopped"/> otherwise.
/// </summary>
public sealed class TasksWaitCommand : ClientCommand<TasksWaitCommand.Settings>
{
    public sealed class Settings : TaskVersionSettings
    {
        [CommandOption("--interval <SECONDS>")]
        [Description("How often to ask the server, 0.1 to 60 seconds. Default: 1")]
        public double Interval { get; init; } = 1;

        public override ValidationResult Validate() =>
            Interval is >= 0.1 and <= 60 ? ValidationResult.Success() : ValidationResult.Error("--interval must be from 0.1 to 60 seconds.");
    }

    protected override async Task<int> RunAsync(RefineryClient client, Settings settings, CancellationToken cancellationToken)
    {
        var versionId = await settings.ResolveVersionIdAsync(client, cancellationToken);
        var watcher = new VersionWatcher(client, TimeProvider.System, TimeSpan.FromSeconds(settings.Interval));
        var versions = watcher.WatchAsync(settings.TaskId, versionId, cancellationToken);

        // A live bar only on a terminal; a script or a log gets one line per change, on standard error so that
        // standard output keeps only the outcome (or the JSON).
        var last = AnsiConsole.Profile.Capabilities.Interactive && !settings.Json
            ? await FollowWithBarAsync(versions, versionId)
            : await FollowWithLinesAsync(versions);

        if (settings.Json)
        {
            DisplayFormat.WriteJson(last);
        }
        else
        {
            WriteOutcome(last, versionId);
        }

        return VersionWatcher.StatusOf(last) switch
        {
            VersionStatus.Completed => ExitCodes.Success,
            VersionStatus.Stopped => ExitCodes.VersionStopped,
            _ => ExitCodes.VersionFailed,
        };
    }

    private static async Task<JsonNode> FollowWithBarAsync(IAsyncEnumerable<JsonNode> versions, string versionId)
    {
        JsonNode last = new JsonObject();
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(Markup.Escape($"version {versionId}"), maxValue: 1);
                var meter = new ProgressMeter(TimeProvider.System);
                await foreach (var version in versions)
                {
                    last = version;
                    var figures = meter.Measure(version);
                    bar.MaxValue = Math.Max(1, figures.Total ?? 1);
                    bar.Value = figures.Processed;
                    bar.Description = Markup.Escape(figures.ToString());
                }

                bar.StopTask();
            });
        return last;
    }

    private static async Task<JsonNode> FollowWithLinesAsync(IAsyncEnumerable<JsonNode> versions)
    {
        JsonNode last = new JsonObject();
        var meter = new ProgressMeter(TimeProvider.System);
        ProgressFigures? shown = null;
        await foreach (var version in versions)
        {
            last = version;
            var figures = meter.Measure(version);
            if (shown is null || figures.Processed != shown.Processed || figures.Total != shown.Total)
            {
                await Console.Error.WriteLineAsync($"{DisplayFormat.Status(version["status"])}: {figures}");
                shown = figures;
            }
        }

        return last;
    }

    private static void WriteOutcome(JsonNode version, string versionId)
    {
        var status = DisplayFormat.Status(version["status"]);
        var duration = version["duration_seconds"]?.GetValue<int>().ToString(CultureInfo.InvariantCulture) ?? "?";
        var error = version["error_msg"] is { } message ? $": {DisplayFormat.Text(message)}" : "";
        Console.Out.WriteLine(
            $"Version {versionId} {status} in {duration} s: {DisplayFormat.Text(version["origin_sample_count"])} sample(s), "
            + $"{DisplayFormat.Text(version["modified_sample_count"])} modified, {DisplayFormat.Text(version["deleted_sample_count"])} deleted{error}");
    }
}
