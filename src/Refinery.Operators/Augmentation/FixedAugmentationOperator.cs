using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>An operator with nothing to draw (Grayscale, HistogramEqual): every sample gets the same transform.</summary>
public abstract class FixedAugmentationOperator : ParameterlessAugmentationOperator<NoParameters>
{
    public sealed override NoParameters Draw(NoParameters parameters, Size size, AugmentationRandom random) => parameters;
}
