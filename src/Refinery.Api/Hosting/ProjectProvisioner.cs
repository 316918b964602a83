using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Refinery.Api.Authentication;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;

namespace Refinery.Api.Hosting;

/// <summary>
/// Creates a project and its first token: the default project at first start, and any other through
/// <c>refinery project create</c>. Each project sees only its own tasks, datasets and results.
/// </summary>
public sealed partial class ProjectProvisioner(IDbContextFactory<CatalogContext> catalog, CredentialStore credentials, TimeProvider clock)
{
    /// <summary>Creates the project; throws <see cref="ArgumentException"/> naming the rule when the name breaks one or is taken.</summary>
    public async Task<ProjectCredentials> CreateAsync(string name, CancellationToken cancellationToken)
    {
        if (!ProjectNamePattern().IsMatch(name))
        {
            throw new ArgumentException($"The project name '{name}' must be 1-64 characters of letters, digits, '_' and '-'.", nameof(name));
        }

        var project = new ProjectRecord { ProjectId = ResourceIds.NewProjectId(), Name = name, CreateTime = clock.GetUtcNow().ToUnixTimeMilliseconds() };
        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Projects.AnyAsync(existing => existing.Name == name, cancellationToken))
            {
                throw new ArgumentException($"A project named '{name}' already exists; choose another name.", nameof(name));
            }

            db.Projects.Add(project);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ProjectCredentials(project.ProjectId, await credentials.IssueTokenAsync(project.ProjectId, cancellationToken));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ProjectNamePattern();
}
