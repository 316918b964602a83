namespace Refinery.Imaging.Analysis;

/// <summary>The three features defined on the working image (operators.md §1): saturation, clarity and colourfulness.</summary>
public readonly record struct WorkingImageValues(double Saturation, double Clarity, double Colorfulness);
