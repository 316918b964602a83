using System.ComponentModel;
using Refinery.Cli.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands.Tasks;

/// <summary><c>refinery tasks create [FILE]</c>: sends a CreateProcessorTask body, from a file or, without one, standard input.</summary>
public sealed class TasksCreateCommand : ClientCommand<TasksCreateCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandArgument(0, "[FILE]")]
        [Description("The CreateProcessorTask request body (JSON) as the ModelArts API takes it. Default: standard input")]
        public string? BodyFile { get; init; }
    }

    protected override async Task<int> RunAsync(RefineryClient client, Settings settings, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(settings.BodyFile, cancellationToken);
        var created = await client.CreateTaskAsync(body, cancellationToken);
        if (settings.Json)
        {
            DisplayFormat.WriteJson(created);
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"task_id: [bold]{DisplayFormat.Text(created["task_id"])}[/]");
        }

        return ExitCodes.Success;
    }

    private static async Task<string> ReadBodyAsync(string? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return await Console.In.ReadToEndAsync(cancellationToken);
        }

        try
        {
            return await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CommandInputException($"Cannot read the task body {file}: {error.Message}");
        }
    }
}
