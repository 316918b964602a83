namespace Refinery.Storage;

/// <summary>
/// The order every <see cref="IObjectStore.ListAsync"/> streams keys in: a depth-first walk that visits each directory's entries in ordinal order: ordinal comparison in
/// which '/' sorts before every other character, so <c>img/a.jpg</c> precedes <c>img.jpg</c>.
/// </summary>
public sealed class DepthFirstKeyComparer : IComparer<string>
{
    public static DepthFirstKeyComparer Instance { get; } = new();

    private DepthFirstKeyComparer()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var common = Math.Min(x.Length, y.Length);
        for (var i = 0; i < common; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a == b)
            {
                continue;
            }

            if (a == '/')
            {
                return -1;
            }

            return b == '/' ? 1 : a.CompareTo(b);
        }

        return x.Length.CompareTo(y.Length);
    }
}
