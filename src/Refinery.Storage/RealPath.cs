namespace Refinery.Storage;

/// <summary>
/// Resolves symbolic links component by component, the way the kernel would, so confinement checks compare the path
/// a file operation will really reach rather than the path as written.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links (ELOOP); a loop must end in an error, not a hang.
    private const int MaximumLinkHops = 40;

    private static readonly char[] _separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The real path of an absolute <paramref name="path"/>; components that do not exist are kept as written.</summary>
    public static string Resolve(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var root = Path.GetPathRoot(fullPath)!;
        return ResolveUnder(root, fullPath[root.Length..].Split(_separators));
    }

    /// <summary>The real path of <paramref name="components"/> taken relative to <paramref name="realBase"/>, which must already be real.</summary>
    public static string ResolveUnder(string realBase, IReadOnlyList<string> components)
    {
        var pending = new Stack<string>();
        for (var index = components.Count - 1; index >= 0; index--)
        {
            pending.Push(components[index]);
        }

        var current = realBase;
        var hops = 0;
        while (pending.TryPop(out var component))
        {
            if (component is "" or ".")
            {
                continue;
            }

            if (component == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var candidate = Path.Join(current, component);
            var target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > MaximumLinkHops)
            {
                throw new IOException($"Too many levels of symbolic links resolving '{candidate}'.");
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            var targetComponents = target.Split(_separators);
            for (var index = targetComponents.Length - 1; index >= 0; index--)
            {
                pending.Push(targetComponents[index]);
            }
        }

        return current;
    }

    /// <summary>Whether <paramref name="realPath"/> is <paramref name="realRoot"/> or lies beneath it.</summary>
    public static bool IsWithin(string realPath, string realRoot) =>
        realPath == realRoot
        || (realPath.StartsWith(realRoot, StringComparison.Ordinal)
            && (realRoot.EndsWith(Path.DirectorySeparatorChar)
                || realPath[realRoot.Length] == Path.DirectorySeparatorChar));
}
