using Refinery.Cli.Client;
using Spectre.Console;

namespace Refinery.Cli.Commands;

/// <summary>
/// <c>refinery login</c>: checks the endpoint, project and token against the server, then saves them (owner-only) so
/// later commands need no flags.
/// </summary>
public sealed class LoginCommand : ClientCommand<ConnectionSettings>
{
    protected override async Task<int> RunAsync(RefineryClient client, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        // A wrong token or project is refused here, once, rather than by every later command.
        _ = await client.ListTasksAsync(offset: 0, limit: 1, cancellationToken);
        var connection = settings.ResolveConnection();
        ClientConfigFile.Save(new ClientConfig(connection.Endpoint.ToString(), connection.ProjectId, connection.Token));
        AnsiConsole.MarkupLineInterpolated($"Logged in to [bold]{connection.Endpoint}[/] as project [bold]{connection.ProjectId}[/]; saved in {ClientConfigFile.Path}");
        return ExitCodes.Success;
    }
}
