namespace Refinery.Imaging.Analysis;

/// <summary>The box features of one image: bbox_num and bbox_area_std per image, the others per box.</summary>
/// <param name="Count">bbox_num: every box given, degenerate ones included.</param>
/// <param name="AreaStd">bbox_area_std: population std of the box areas (0 for one box).</param>
/// <param name="Boxes">Per-box features of the non-degenerate boxes, in input order.</param>
public sealed record BoxFeatureValues(int Count, double AreaStd, IReadOnlyList<BoxMeasure> Boxes);
