namespace Refinery.Formats.Voc;

/// <summary>Bounds on what one annotation may hold, so one sample's work stays bounded.</summary>
public static class VocLimits
{
    /// <summary>
    /// The most objects (boxes) one image's annotation may have. Crowded real datasets stay in the hundreds
    /// (SKU-110K peaks near 700); bbox_overlap's work grows with the square of the boxes, so an annotation over the
    /// limit is that sample's failure, never a version-long computation.
    /// </summary>
    public const int MaxObjectsPerImage = 2_000;

    /// <summary>Why an annotation with <paramref name="objects"/> objects is refused, or null when it is within the limit.</summary>
    public static string? FindObjectCountViolation(int objects) =>
        objects > MaxObjectsPerImage
            ? $"it has {objects} objects, more than the limit of {MaxObjectsPerImage} per image"
            : null;
}
