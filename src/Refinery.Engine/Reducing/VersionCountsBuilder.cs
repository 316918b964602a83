using Refinery.Domain;

namespace Refinery.Engine.Reducing;

/// <summary>Tallies result properties into the five counters of a completed version.</summary>
public sealed class VersionCountsBuilder
{
    private int _origin;
    private int _added;
    private int _deleted;
    private int _modified;
    private int _unmodified;

    public void Add(ResultProperty property)
    {
        switch (property)
        {
            case ResultProperty.Added:
                _added++;
                return; // an added sample was not among the originals
            case ResultProperty.Deleted:
                _deleted++;
                break;
            case ResultProperty.Modified:
                _modified++;
                break;
            default:
                _unmodified++;
                break;
        }

        _origin++;
    }

    public Lifecycle.VersionCounts Build() => new(_origin, _added, _deleted, _modified, _unmodified);
}
