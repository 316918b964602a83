namespace Refinery.Imaging.Analysis;

/// <summary>An axis-aligned annotation box in original-image pixel coordinates (PASCAL VOC <c>bndbox</c>).</summary>
public readonly record struct BoxRect(double XMin, double YMin, double XMax, double YMax)
{
    public double Width => XMax - XMin;

    public double Height => YMax - YMin;

    /// <summary>Zero or negative extent: such a box has a count and an area of 0 but no per-box features.</summary>
    public bool IsDegenerate => !(Width > 0 && Height > 0);

    public double Area => IsDegenerate ? 0 : Width * Height;
}
