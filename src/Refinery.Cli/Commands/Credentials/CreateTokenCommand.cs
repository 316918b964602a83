using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Authentication;
using Spectre.Console;

namespace Refinery.Cli.Commands.Credentials;

/// <summary><c>refinery credentials token create</c>: issues another token of a project, one that does not expire.</summary>
public sealed class CreateTokenCommand : ProjectCredentialCommand<ProjectCredentialSettings>
{
    protected override async Task CreateAsync(
        IServiceProvider services, string projectId, ProjectCredentialSettings settings, CancellationToken cancellationToken)
    {
        var token = await services.GetRequiredService<CredentialStore>().IssueTokenAsync(projectId, cancellationToken);
        // One value per line, so that a script can take them and no terminal width ever wraps a token.
        AnsiConsole.MarkupLineInterpolated($"project_id: [bold]{projectId}[/]");
        AnsiConsole.MarkupLineInterpolated($"token: [bold]{token}[/]");
        AnsiConsole.MarkupLine("Send the token as X-Auth-Token. It is shown only this once: keep it like a password.");
    }
}
