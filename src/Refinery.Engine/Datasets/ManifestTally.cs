using Refinery.Domain;

namespace Refinery.Engine.Datasets;

/// <summary>Counts a manifest's samples as they stream by: all of them, and those with a label or annotation.</summary>
public sealed class ManifestTally
{
    public int Total { get; private set; }

    public int Annotated { get; private set; }

    public void Add(Sample sample)
    {
        Total++;
        if (sample.Labels.Count > 0 || sample.AnnotationLocation is not null)
        {
            Annotated++;
        }
    }
}
