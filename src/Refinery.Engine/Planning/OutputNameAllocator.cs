namespace Refinery.Engine.Planning;

/// <summary>
/// Keeps output names unique within a version when inputs can collide (manifests, several inputs): the second
/// <c>cat/1.jpg</c> becomes <c>cat/1_2.jpg</c>. Holds one string per sample, the planner's only per-sample state.
/// </summary>
public sealed class OutputNameAllocator
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public string Allocate(string wanted)
    {
        if (_taken.Add(wanted))
        {
            return wanted;
        }

        var folderEnd = wanted.LastIndexOf('/') + 1;
        var dot = wanted.LastIndexOf('.');
        var stemEnd = dot > folderEnd ? dot : wanted.Length;
        for (var suffix = 2; ; suffix++)
        {
            var candidate = $"{wanted[..stemEnd]}_{suffix}{wanted[stemEnd..]}";
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
