namespace Refinery.Storage.S3;

/// <summary>
/// Turns a listing in S3's order (ordinal by whole key) into the depth-first order the store contract promises,
/// holding back only the few keys that a later key could still have to precede.
/// </summary>
/// <remarks>
/// The two orders disagree only where one key has '/' and the other a character below '/' (space, '!' … '-', '.')
/// at the first position where they differ: S3 lists <c>img.jpg</c> before <c>img/a.jpg</c>, depth-first is the
/// other way round. So a held key K is safe to release once S3 has moved past every range <c>K[..i] + "/"</c>
/// where K[i] is below '/'; in practice that is the next key or two, except behind a run of siblings such as
/// <c>a-1, a-2, …</c> waiting for a directory <c>a/</c>.
/// </remarks>
internal sealed class DepthFirstListingOrder
{
    private readonly SortedSet<ObjectInfo> _held = new(Comparer<ObjectInfo>.Create(
        (x, y) => DepthFirstKeyComparer.Instance.Compare(x.Path.Key, y.Path.Key)));

    private string? _latestKey;

    /// <summary>Takes the next object in S3 order and returns those now known to come next in depth-first order.</summary>
    public IReadOnlyList<ObjectInfo> Accept(ObjectInfo next)
    {
        _held.Add(next);
        _latestKey = next.Path.Key;
        List<ObjectInfo>? released = null;
        while (_held.Count > 0 && CannotBePrecededByLaterKeys(_held.Min!.Path.Key, _latestKey))
        {
            var min = _held.Min!;
            _held.Remove(min);
            (released ??= []).Add(min);
        }

        return released ?? (IReadOnlyList<ObjectInfo>)[];
    }

    /// <summary>Everything still held, in depth-first order, once S3 has listed the last key.</summary>
    public IReadOnlyList<ObjectInfo> Finish()
    {
        var rest = _held.ToList();
        _held.Clear();
        return rest;
    }

    private static bool CannotBePrecededByLaterKeys(string key, string latest)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] >= '/')
            {
                continue;
            }

            if (!HasPassedDirectory(latest, key.AsSpan(0, i)))
            {
                return false;
            }
        }

        return true;
    }

    // Later keys sort after 'latest'; one of them precedes the held key only if it starts with directory + "/",
    // which stays possible until 'latest' has gone past that whole range.
    private static bool HasPassedDirectory(string latest, ReadOnlySpan<char> directory)
    {
        var shared = Math.Min(latest.Length, directory.Length);
        var order = latest.AsSpan(0, shared).SequenceCompareTo(directory[..shared]);
        if (order != 0)
        {
            return order > 0;
        }

        return latest.Length > directory.Length && latest[directory.Length] > '/';
    }
}
