namespace Refinery.Formats.Voc;

/// <summary>A rectangle <c>bndbox</c> in pixel coordinates of the image.</summary>
public readonly record struct VocBox(double XMin, double YMin, double XMax, double YMax)
{
    public double Width => XMax - XMin;

    public double Height => YMax - YMin;

    public VocBox Scale(double xRatio, double yRatio) => new(XMin * xRatio, YMin * yRatio, XMax * xRatio, YMax * yRatio);
}
