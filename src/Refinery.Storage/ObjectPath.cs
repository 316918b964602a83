namespace Refinery.Storage;

/// <summary>An object in the store: a bucket and a key of '/'-separated segments (no leading slash).</summary>
public readonly record struct ObjectPath(string Bucket, string Key)
{
    /// <summary>The canonical URI form used in manifests and API responses.</summary>
    public string ToUri() => Key.Length == 0 ? $"obs://{Bucket}" : $"obs://{Bucket}/{Key}";

    /// <summary>The path of <paramref name="relative"/> under this one, treating this one as a directory.</summary>
    public ObjectPath Combine(string relative)
    {
        var trimmed = relative.Trim('/');
        if (trimmed.Length == 0)
        {
            return this;
        }

        var directory = Key.TrimEnd('/');
        return new ObjectPath(Bucket, directory.Length == 0 ? trimmed : $"{directory}/{trimmed}");
    }

    /// <summary>The folder this object lies in (the bucket itself for a top-level key).</summary>
    public ObjectPath Parent() => new(Bucket, Key[..Math.Max(0, Key.LastIndexOf('/'))]);

    /// <summary>True when this path is <paramref name="directory"/> itself or lies inside it.</summary>
    public bool IsSameOrUnder(ObjectPath directory) =>
        Bucket == directory.Bucket
        && (directory.Key.Length == 0 || Key == directory.Key || Key.StartsWith(directory.Key + "/", StringComparison.Ordinal));

    public override string ToString() => ToUri();
}
