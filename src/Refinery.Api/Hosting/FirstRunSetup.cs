using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;

namespace Refinery.Api.Hosting;

/// <summary>
/// On a first start (no project in the catalog) creates a default project and a token for it, and writes both to
/// <c>credentials.json</c> so scripts can pick them up. Later starts change nothing.
/// </summary>
public static class FirstRunSetup
{
    public const string DefaultProjectName = "default";

    public static async Task<ProjectCredentials?> EnsureDefaultProjectAsync(
        IDbContextFactory<CatalogContext> catalog, ProjectProvisioner projects, RefineryOptions options, CancellationToken cancellationToken)
    {
        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Projects.AnyAsync(cancellationToken))
            {
                return null;
            }
        }

        var created = await projects.CreateAsync(DefaultProjectName, cancellationToken);
        await File.WriteAllTextAsync(options.CredentialsPath, JsonSerializer.Serialize(created, HostingJsonContext.Default.ProjectCredentials), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            // The token is a password: readable by the server's user only.
            File.SetUnixFileMode(options.CredentialsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return created;
    }
}
