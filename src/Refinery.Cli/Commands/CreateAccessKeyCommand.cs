using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Authentication;
using Refinery.Cli.Commands.Credentials;
using Spectre.Console;

namespace Refinery.Cli.Commands;

/// <summary><c>refinery credentials access-key create</c> (and <c>refinery access-key</c>): creates an AK/SK pair for <c>SDK-HMAC-SHA256</c> signed requests.</summary>
public sealed class CreateAccessKeyCommand : ProjectCredentialCommand<ProjectCredentialSettings>
{
    protected override async Task CreateAsync(
        IServiceProvider services, string projectId, ProjectCredentialSettings settings, CancellationToken cancellationToken)
    {
        var key = await services.GetRequiredService<CredentialStore>().CreateAccessKeyAsync(projectId, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"project_id: [bold]{key.ProjectId}[/]");
        AnsiConsole.MarkupLineInterpolated($"AK: [bold]{key.AccessKey}[/]");
        AnsiConsole.MarkupLineInterpolated($"SK: [bold]{key.SecretKey}[/] (shown once; sign requests with SDK-HMAC-SHA256)");
    }
}
