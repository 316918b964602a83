using System.ComponentModel;
using Refinery.Cli.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands.Datasets;

/// <summary><c>refinery datasets show DATASET_ID</c>: one dataset and where its data lives.</summary>
public sealed class DatasetsShowCommand : ClientCommand<DatasetsShowCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandArgument(0, "<DATASET_ID>")]
        [Description("The dataset's id (dataset_id).")]
        public string DatasetId { get; init; } = "";
    }

    protected override async Task<int> RunAsync(RefineryClient client, Settings settings, CancellationToken cancellationToken)
    {
        var dataset = await client.GetDatasetAsync(settings.DatasetId, cancellationToken);
        if (settings.Json)
        {
            DisplayFormat.WriteJson(dataset);
            return ExitCodes.Success;
        }

        var grid = new Grid().AddColumn().AddColumn();
        grid.AddPlainRow("dataset_id", DisplayFormat.Text(dataset["dataset_id"]));
        grid.AddPlainRow("name", DisplayFormat.Text(dataset["dataset_name"]));
        grid.AddPlainRow("type", DisplayFormat.Text(dataset["dataset_type"]));
        grid.AddPlainRow("samples", DisplayFormat.Text(dataset["total_sample_count"]));
        grid.AddPlainRow("annotated", DisplayFormat.Text(dataset["annotated_sample_count"]));
        grid.AddPlainRow("current version", $"{DisplayFormat.Text(dataset["current_version_name"])} {DisplayFormat.Text(dataset["current_version_id"])}".Trim());
        grid.AddPlainRow("versions", DisplayFormat.Text(dataset["dataset_version_count"]));
        grid.AddPlainRow("data sources", DisplayFormat.Text(dataset["data_sources"]));
        grid.AddPlainRow("work_path", DisplayFormat.Text(dataset["work_path"]));
        grid.AddPlainRow("created", DisplayFormat.Time(dataset["create_time"]));
        AnsiConsole.Write(grid);
        return ExitCodes.Success;
    }
}
