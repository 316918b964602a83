using Refinery.Cli.Client;
using Spectre.Console;

namespace Refinery.Cli.Commands.Datasets;

/// <summary><c>refinery datasets list</c>: the project's datasets, newest first.</summary>
public sealed class DatasetsListCommand : ClientCommand<PageSettings>
{
    protected override async Task<int> RunAsync(RefineryClient client, PageSettings settings, CancellationToken cancellationToken)
    {
        var list = await client.ListDatasetsAsync(settings.Offset, settings.Limit, cancellationToken);
        if (settings.Json)
        {
            DisplayFormat.WriteJson(list);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("dataset_id", "name", "type", "samples", "current version", "versions", "created");
        foreach (var dataset in list["datasets"]?.AsArray() ?? [])
        {
            table.AddPlainRow(
                DisplayFormat.Text(dataset?["dataset_id"]),
                DisplayFormat.Text(dataset?["dataset_name"]),
                DisplayFormat.Text(dataset?["dataset_type"]),
                DisplayFormat.Text(dataset?["total_sample_count"]),
                DisplayFormat.Text(dataset?["current_version_name"]),
                DisplayFormat.Text(dataset?["dataset_version_count"]),
                DisplayFormat.Time(dataset?["create_time"]));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{DisplayFormat.Text(list["total_number"])} dataset(s) in all");
        return ExitCodes.Success;
    }
}
