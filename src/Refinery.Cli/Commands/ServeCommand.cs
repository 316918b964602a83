using Refinery.Api.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary><c>refinery serve</c>: the whole service in one process.</summary>
public sealed class ServeCommand : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.ResolveOptions();
        var (app, created) = await RefineryServer.BuildAsync(options, cancellationToken: cancellationToken);
        await using (app)
        {
            if (created is not null)
            {
                // The token is a password: the console is often a shared log, so only the owner-only file holds it.
                AnsiConsole.MarkupLineInterpolated($"[green]Created the default project.[/] project_id: [bold]{created.ProjectId}[/]");
                AnsiConsole.MarkupLineInterpolated($"Its token (X-Auth-Token) is saved in {options.CredentialsPath}");
            }

            AnsiConsole.MarkupLineInterpolated($"Refinery listening on {options.Urls}; data in {options.DataDirectory}");
            await app.RunAsync();
        }

        return 0;
    }
}
