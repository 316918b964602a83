using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Catalog.Records;

namespace Refinery.Api.Authentication;

/// <summary>
/// Resolves credentials to projects. Known tokens are cached in memory (tokens cannot be revoked yet), so the
/// hot path of an authenticated request costs a hash and a dictionary lookup, not a query.
/// </summary>
public sealed class CredentialStore(IDbContextFactory<CatalogContext> catalog, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, string> _projectByTokenHash = new(StringComparer.Ordinal);

    public async ValueTask<string?> ProjectOfTokenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = TokenHasher.Hash(token);
        if (_projectByTokenHash.TryGetValue(hash, out var cached))
        {
            return cached;
        }

        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var record = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (record is null || record.ExpiresAt < now)
        {
            return null;
        }

        if (record.ExpiresAt is null)
        {
            _projectByTokenHash[hash] = record.ProjectId;
        }

        return record.ProjectId;
    }

    public async Task<AccessKeyRecord?> FindAccessKeyAsync(string accessKey, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        return await db.AccessKeys.AsNoTracking().SingleOrDefaultAsync(key => key.AccessKey == accessKey, cancellationToken);
    }

    /// <summary>Creates an AK/SK pair for a project: a 20-character access key and a 40-character secret.</summary>
    public async Task<AccessKeyRecord> CreateAccessKeyAsync(string projectId, CancellationToken cancellationToken)
    {
        var record = new AccessKeyRecord
        {
            AccessKey = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 20),
            SecretKey = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40),
            ProjectId = projectId,
            CreateTime = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        db.AccessKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Issues a token for a project and returns it in clear, the only time it is ever seen.</summary>
    public async Task<string> IssueTokenAsync(string projectId, CancellationToken cancellationToken)
    {
        var token = TokenHasher.NewToken();
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(new ApiTokenRecord
        {
            TokenHash = TokenHasher.Hash(token),
            ProjectId = projectId,
            CreateTime = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }
}
