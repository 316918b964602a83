namespace Refinery.Engine.Planning;

/// <summary>
/// Keeps output names unique within a version when inputs can collide (manifests, several inputs): the second
/// <c>cat/1.jpg</c> becomes <c>cat/1_2.jpg</c>. Holds one string per sample, the planner's only per-sample state, plus
/// the next suffix to try for each name that collided, so n listings of one name cost n look-ups, not n²/2.
/// </summary>
/// <param name="isReserved">Names no input may take (those of samples the template adds); they get a suffix as a collision would.</param>
public sealed class OutputNameAllocator(Func<string, bool>? isReserved = null)
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names tried so far, taken or not: the allocator's whole cost, for tests that show it stays linear.</summary>
    public long Probes { get; private set; }

    public string Allocate(string wanted)
    {
        Probes++;
        if (isReserved?.Invoke(wanted) != true && _taken.Add(wanted))
        {
            return wanted;
        }

        var folderEnd = wanted.LastIndexOf('/') + 1;
        var dot = wanted.LastIndexOf('.');
        var stemEnd = dot > folderEnd ? dot : wanted.Length;
        var suffix = _nextSuffix.GetValueOrDefault(wanted, 2);
        for (; ; suffix++)
        {
            Probes++;
            var candidate = $"{wanted[..stemEnd]}_{suffix}{wanted[stemEnd..]}";
            if (_taken.Add(candidate))
            {
                _nextSuffix[wanted] = suffix + 1;
                return candidate;
            }
        }
    }
}
