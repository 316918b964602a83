namespace Refinery.Imaging.Analysis;

/// <summary>Whether a quality score is known from one image alone or only once the whole dataset is seen.</summary>
public enum QualityCheckScope
{
    /// <summary>Scored per sample, in the map stage.</summary>
    Image,

    /// <summary>Scored in the reduce stage: needs dataset quartiles or hash groups.</summary>
    Dataset,
}
