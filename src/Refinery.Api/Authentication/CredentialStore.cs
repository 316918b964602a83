using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Catalog.Records;

namespace Refinery.Api.Authentication;

/// <summary>
/// Resolves credentials to projects. Known tokens are cached in memory (tokens cannot be revoked yet), so the
/// hot path of an authenticated request costs a hash and a dictionary lookup, not a query.
/// AK/SK secret keys are kept encrypted (<see cref="SecretKeyProtector"/>) and decrypted only when a signature is checked.
/// </summary>
public sealed class CredentialStore(
    IDbContextFactory<CatalogContext> catalog, SecretKeyProtector secretKeys, TimeProvider clock, ILogger<CredentialStore> logger)
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

    /// <summary>
    /// The pair of an access key with its secret key decrypted, or null when the access key is unknown or its secret
    /// key cannot be decrypted with this installation's catalog key.
    /// </summary>
    public async Task<AccessKeyPair?> FindAccessKeyAsync(string accessKey, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var record = await db.AccessKeys.AsNoTracking().SingleOrDefaultAsync(key => key.AccessKey == accessKey, cancellationToken);
        if (record is null)
        {
            return null;
        }

        try
        {
            return new AccessKeyPair(record.AccessKey, secretKeys.Unprotect(record.AccessKey, record.SecretKey), record.ProjectId);
        }
        catch (CryptographicException exception)
        {
            // The caller is refused like any bad signature; only the operator learns that the key file changed.
            logger.LogError(
                "The secret key of access key {AccessKey} cannot be decrypted: {Reason} Was catalog.key replaced? Create a new pair with `refinery access-key`.",
                record.AccessKey,
                exception.Message);
            return null;
        }
    }

    /// <summary>
    /// Creates an AK/SK pair for a project: a 20-character access key and a 40-character secret, which is stored
    /// encrypted and returned in clear, the only time it is ever seen.
    /// </summary>
    public async Task<AccessKeyPair> CreateAccessKeyAsync(string projectId, CancellationToken cancellationToken)
    {
        var pair = new AccessKeyPair(
            RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 20),
            RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40),
            projectId);
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        db.AccessKeys.Add(new AccessKeyRecord
        {
            AccessKey = pair.AccessKey,
            SecretKey = secretKeys.Protect(pair.AccessKey, pair.SecretKey),
            ProjectId = projectId,
            CreateTime = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return pair;
    }

    /// <summary>
    /// Encrypts the secret keys that catalogs made before encryption hold in clear, and scrubs the catalog file of
    /// their old copies. Returns how many were encrypted; a catalog with none is left untouched.
    /// </summary>
    public async Task<int> EncryptClearTextSecretKeysAsync(CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var clearText = (await db.AccessKeys.ToListAsync(cancellationToken))
            .Where(static key => !SecretKeyProtector.IsProtected(key.SecretKey))
            .ToList();
        if (clearText.Count == 0)
        {
            return 0;
        }

        foreach (var key in clearText)
        {
            key.SecretKey = secretKeys.Protect(key.AccessKey, key.SecretKey);
        }

        await db.SaveChangesAsync(cancellationToken);
        await CatalogScrubber.RemoveOverwrittenDataAsync(db, cancellationToken);
        return clearText.Count;
    }

    /// <summary>Issues a token for a project that does not expire and returns it in clear, the only time it is ever seen.</summary>
    public Task<string> IssueTokenAsync(string projectId, CancellationToken cancellationToken) =>
        IssueTokenAsync(projectId, expiresAt: null, cancellationToken);

    /// <summary>Issues a token for a project, refused after <paramref name="expiresAt"/> when one is given; returns it in clear, once.</summary>
    public async Task<string> IssueTokenAsync(string projectId, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var token = TokenHasher.NewToken();
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(new ApiTokenRecord
        {
            TokenHash = TokenHasher.Hash(token),
            ProjectId = projectId,
            CreateTime = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            ExpiresAt = expiresAt?.ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }
}
