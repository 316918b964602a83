using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Refinery.Api.Authentication;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;

namespace Refinery.Api.Identity;

/// <summary>
/// Users who sign in with a password, as IAM users do: each belongs to one project and gets tokens scoped to it,
/// valid for <see cref="TokenLifetime"/>.
/// </summary>
public sealed partial class PasswordSignIn(IDbContextFactory<CatalogContext> catalog, CredentialStore credentials, TimeProvider clock)
{
    /// <summary>IAM's token lifetime.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(24);

    public const int MinPasswordLength = 8;

    /// <summary>
    /// Creates a user of a project; throws <see cref="ArgumentException"/> naming the rule when the name or the password
    /// breaks one, the name is taken or the project does not exist.
    /// </summary>
    public async Task<UserRecord> CreateUserAsync(string name, string password, string projectId, CancellationToken cancellationToken)
    {
        if (!UserNamePattern().IsMatch(name))
        {
            throw new ArgumentException($"The user name '{name}' must be 1-64 characters of letters, digits, '_', '-' and '.'.", nameof(name));
        }

        if (password.Length < MinPasswordLength)
        {
            throw new ArgumentException($"The password must be at least {MinPasswordLength} characters long.", nameof(password));
        }

        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        if (!await db.Projects.AnyAsync(project => project.ProjectId == projectId, cancellationToken))
        {
            throw new ArgumentException($"There is no project {projectId}.", nameof(projectId));
        }

        if (await db.Users.AnyAsync(user => user.Name == name, cancellationToken))
        {
            throw new ArgumentException($"A user named '{name}' already exists; choose another name.", nameof(name));
        }

        var record = new UserRecord
        {
            UserId = ResourceIds.NewUserId(),
            Name = name,
            PasswordHash = PasswordHasher.Hash(password),
            ProjectId = projectId,
            CreateTime = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.Users.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>
    /// A new token for the user, scoped to the project named by id or name; null when the user is unknown, the
    /// password wrong, or the project is not the user's — a caller learns nothing about which.
    /// </summary>
    public async Task<IssuedToken?> SignInAsync(string userName, string password, ProjectSelector scope, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Name == userName, cancellationToken);
        // An unknown user costs as much as a known one, so the time of the answer does not tell which names exist.
        if (!PasswordHasher.Verify(password, user?.PasswordHash ?? PasswordHasher.DecoyHash) || user is null)
        {
            return null;
        }

        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.ProjectId == user.ProjectId, cancellationToken);
        if (project is null || !scope.Selects(project))
        {
            return null;
        }

        var issuedAt = clock.GetUtcNow();
        var expiresAt = issuedAt + TokenLifetime;
        var token = await credentials.IssueTokenAsync(project.ProjectId, expiresAt, cancellationToken);
        return new IssuedToken(token, user, project, issuedAt, expiresAt);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex UserNamePattern();
}
