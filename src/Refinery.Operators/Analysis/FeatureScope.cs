namespace Refinery.Operators.Analysis;

/// <summary>What one value of a feature describes, and so what a histogram of it counts.</summary>
public enum FeatureScope
{
    /// <summary>One value per image (Y axis: number of images).</summary>
    Image,

    /// <summary>One value per annotation box (Y axis: number of boxes).</summary>
    Box,
}
