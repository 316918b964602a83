using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Refinery.Api.Authentication;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;

namespace Refinery.Api.Hosting;

/// <summary>
/// On a first start (no project in the catalog) creates a default project and a token for it, and writes both to
/// <c>credentials.json</c> so scripts can pick them up. Later starts change nothing.
/// </summary>
public static class FirstRunSetup
{
    public static async Task<DefaultCredentials?> EnsureDefaultProjectAsync(
        IDbContextFactory<CatalogContext> catalog, CredentialStore credentials, RefineryOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        if (await db.Projects.AnyAsync(cancellationToken))
        {
            return null;
        }

        var project = new ProjectRecord { ProjectId = ResourceIds.NewProjectId(), Name = "default", CreateTime = clock.GetUtcNow().ToUnixTimeMilliseconds() };
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        var token = await credentials.IssueTokenAsync(project.ProjectId, cancellationToken);
        var created = new DefaultCredentials(project.ProjectId, token);
        await File.WriteAllTextAsync(options.CredentialsPath, JsonSerializer.Serialize(created, HostingJsonContext.Default.DefaultCredentials), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            // The token is a password: readable by the server's user only.
            File.SetUnixFileMode(options.CredentialsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return created;
    }
}
