namespace Refinery.Operators.Augmentation;

/// <summary>A closed interval [Min, Max] a parameter is drawn from.</summary>
public readonly record struct NumericRange(double Min, double Max)
{
    public double Draw(AugmentationRandom random) => random.Uniform(Min, Max);
}
