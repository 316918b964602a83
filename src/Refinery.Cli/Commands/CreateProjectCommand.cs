using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary><c>refinery project create</c>: creates a project and a token for it, printing the token once.</summary>
public sealed class CreateProjectCommand : AsyncCommand<CreateProjectCommand.Settings>
{
    public sealed class Settings : DataDirectorySettings
    {
        [CommandOption("--name <NAME>")]
        [Description("The project's name: 1-64 letters, digits, '_' and '-', not used by another project.")]
        public string Name { get; init; } = "";

        public override ValidationResult Validate() =>
            Name.Length > 0 ? ValidationResult.Success() : ValidationResult.Error("--name is required.");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await settings.OpenAdministrationAsync(cancellationToken);
        await using (services)
        {
            ProjectCredentials created;
            try
            {
                created = await services.GetRequiredService<ProjectProvisioner>().CreateAsync(settings.Name, cancellationToken);
            }
            catch (ArgumentException error)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/]");
                return 1;
            }

            // One value per line, so that a script can take them and no terminal width ever wraps a token.
            AnsiConsole.MarkupLineInterpolated($"project_id: [bold]{created.ProjectId}[/]");
            AnsiConsole.MarkupLineInterpolated($"token: [bold]{created.Token}[/]");
            AnsiConsole.MarkupLine("Send the token as X-Auth-Token. It is shown only this once: keep it like a password.");
        }

        return 0;
    }
}
