namespace Refinery.Operators.Augmentation;

/// <summary>The axis <c>scaleXY</c>, <c>shearXY</c> and <c>translateXY</c> choose.</summary>
public enum Axis
{
    X,
    Y,
}
