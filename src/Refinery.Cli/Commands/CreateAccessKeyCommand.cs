using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Authentication;
using Refinery.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary><c>refinery access-key</c>: creates an AK/SK pair for <c>SDK-HMAC-SHA256</c> signed requests.</summary>
public sealed class CreateAccessKeyCommand : AsyncCommand<CreateAccessKeyCommand.Settings>
{
    public sealed class Settings : DataDirectorySettings
    {
        [CommandOption("--project <PROJECT_ID>")]
        [Description("The project the key acts in. Default: the default project.")]
        public string? ProjectId { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await settings.OpenAdministrationAsync(cancellationToken);
        await using (services)
        {
            var projectId = settings.ProjectId;
            if (projectId is null)
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<CatalogContext>>().CreateDbContextAsync(cancellationToken);
                projectId = await db.Projects.OrderBy(project => project.CreateTime).Select(project => project.ProjectId).FirstAsync(cancellationToken);
            }

            var key = await services.GetRequiredService<CredentialStore>().CreateAccessKeyAsync(projectId, cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"project_id: [bold]{key.ProjectId}[/]");
            AnsiConsole.MarkupLineInterpolated($"AK: [bold]{key.AccessKey}[/]");
            AnsiConsole.MarkupLineInterpolated($"SK: [bold]{key.SecretKey}[/] (shown once; sign requests with SDK-HMAC-SHA256)");
        }

        return 0;
    }
}
