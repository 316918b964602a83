using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Storage;

namespace Refinery.Engine.Hosting;

/// <summary>
/// Checks what a request needs besides the process itself: the catalog answers a query, and every configured bucket
/// can be reached (a local root exists, an S3 bucket lists).
/// </summary>
public sealed class ReadinessProbe(IDbContextFactory<CatalogContext> catalog, BucketRouter buckets)
{
    // An unreachable S3 endpoint can make the SDK retry for a long time; a probe must answer while it still matters.
    private static readonly TimeSpan _probeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>What is not ready, one entry each with its reason; empty when everything is.</summary>
    public async Task<IReadOnlyList<string>> FindUnreadyAsync(CancellationToken cancellationToken)
    {
        var unready = new List<string>();
        if (await CatalogProblemAsync(cancellationToken) is { } catalogProblem)
        {
            unready.Add($"catalog ({catalogProblem})");
        }

        foreach (var bucket in buckets.Buckets.Order(StringComparer.Ordinal))
        {
            if (await BucketProblemAsync(bucket, cancellationToken) is { } bucketProblem)
            {
                unready.Add($"bucket '{bucket}' ({bucketProblem})");
            }
        }

        return unready;
    }

    /// <summary>Why the catalog cannot be queried, or null when it answers.</summary>
    public async Task<string?> CatalogProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A query on a real table, not just opening a connection: SQLite would open (and create) any file.
            await using var db = await catalog.CreateDbContextAsync(cancellationToken);
            _ = await db.Projects.AnyAsync(cancellationToken);
            return null;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            return error.Message;
        }
    }

    private async Task<string?> BucketProblemAsync(string bucket, CancellationToken cancellationToken)
    {
        var store = buckets.StoreOf(bucket);
        if (store is LocalDirectoryStore local)
        {
            // Listing a missing local root yields nothing rather than failing, so ask for the directory itself.
            return Directory.Exists(local.RootDirectory) ? null : $"directory {local.RootDirectory} does not exist";
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_probeTimeout);
        try
        {
            await foreach (var _ in store.ListAsync(new ObjectPath(bucket, ""), timeout.Token))
            {
                break;
            }

            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {_probeTimeout.TotalSeconds:0} s";
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            return error.Message;
        }
    }
}
