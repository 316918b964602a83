using Microsoft.EntityFrameworkCore;
using Refinery.Catalog.Records;

namespace Refinery.Catalog;

/// <summary>The installation secrets kept in the catalog: each made once, by whichever process asks first.</summary>
public static class InstallationKeyStore
{
    /// <summary>
    /// The key stored under <paramref name="name"/>, storing <paramref name="candidate"/> first when there is none.
    /// Processes starting together all insert; the primary key lets one win, and the others read back its key.
    /// </summary>
    public static async Task<byte[]> GetOrAddAsync(
        IDbContextFactory<CatalogContext> catalog, string name, byte[] candidate, CancellationToken cancellationToken)
    {
        if (await FindAsync(catalog, name, cancellationToken) is { } existing)
        {
            return existing;
        }

        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        {
            db.InstallationKeys.Add(new InstallationKeyRecord { Name = name, Key = candidate });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return candidate;
            }
            catch (DbUpdateException)
            {
                // Another process stored its key between our read and our insert: everyone uses that one.
            }
        }

        return await FindAsync(catalog, name, cancellationToken)
            ?? throw new InvalidOperationException($"The installation key '{name}' could neither be stored in the catalog nor read from it.");
    }

    private static async Task<byte[]?> FindAsync(IDbContextFactory<CatalogContext> catalog, string name, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        return await db.InstallationKeys.AsNoTracking().Where(key => key.Name == name).Select(key => key.Key).SingleOrDefaultAsync(cancellationToken);
    }
}
