using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Refinery.Catalog;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands.Credentials;

/// <summary>The data directory and <c>--project</c> of a command that makes a credential for one project.</summary>
public class ProjectCredentialSettings : DataDirectorySettings
{
    [CommandOption("--project <PROJECT_ID>")]
    [Description("The project the credential acts in. Default: the default project.")]
    public string? ProjectId { get; init; }

    /// <summary>The project asked for, or the first one created; throws <see cref="ArgumentException"/> when the catalog has no such project.</summary>
    public async Task<string> ResolveProjectIdAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CatalogContext>>().CreateDbContextAsync(cancellationToken);
        var projects = db.Projects.AsNoTracking();
        if (ProjectId is not null)
        {
            projects = projects.Where(project => project.ProjectId == ProjectId);
        }

        return await projects.OrderBy(project => project.CreateTime).Select(project => project.ProjectId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ArgumentException($"There is no project {ProjectId} in {ResolvedDataDirectory}; list them with the catalog's owner or create one with refinery project create.");
    }
}
