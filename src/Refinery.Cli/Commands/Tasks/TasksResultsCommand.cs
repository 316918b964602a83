using System.ComponentModel;
using System.Text.Json.Nodes;
using Refinery.Cli.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands.Tasks;

/// <summary><c>refinery tasks results TASK_ID</c>: every per-sample result of a finished version, page after page.</summary>
public sealed class TasksResultsCommand : ClientCommand<TasksResultsCommand.Settings>
{
    // The server's largest page.
    private const int PageSize = 100;

    public sealed class Settings : TaskVersionSettings
    {
        [CommandOption("--property <N>")]
        [Description("Only results with this result_property: 0 unchanged, 1 modified, 2 deleted, 3 added.")]
        public int? ResultProperty { get; init; }

        public override ValidationResult Validate() =>
            ResultProperty is null or (>= 0 and <= 3) ? ValidationResult.Success() : ValidationResult.Error("--property must be 0, 1, 2 or 3.");
    }

    protected override async Task<int> RunAsync(RefineryClient client, Settings settings, CancellationToken cancellationToken)
    {
        var versionId = await settings.ResolveVersionIdAsync(client, cancellationToken);
        var results = new JsonArray();
        var count = 0;
        bool hasMore;
        do
        {
            var page = await client.ListResultsAsync(settings.TaskId, versionId, settings.ResultProperty, results.Count, PageSize, cancellationToken);
            count = page["count"]?.GetValue<int>() ?? 0;
            var entries = page["results"]?.AsArray() ?? [];
            foreach (var entry in entries)
            {
                results.Add(entry?.DeepClone());
            }

            // An empty page ends the walk even if has_more said otherwise, so a miscounting server cannot loop us.
            hasMore = page["has_more"]?.GetValue<bool>() == true && entries.Count > 0;
        }
        while (hasMore);

        if (settings.Json)
        {
            DisplayFormat.WriteJson(new JsonObject { ["count"] = count, ["results"] = results });
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("sample", "property", "origin_source", "new_source", "description");
        foreach (var result in results)
        {
            table.AddPlainRow(
                DisplayFormat.Text(result?["sample_id"]),
                DisplayFormat.Text(result?["result_property"]),
                DisplayFormat.Text(result?["origin_source"]),
                DisplayFormat.Text(result?["new_source"]),
                DisplayFormat.Text(result?["result_description"]));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{count} result(s) of version {versionId}");
        return ExitCodes.Success;
    }
}
