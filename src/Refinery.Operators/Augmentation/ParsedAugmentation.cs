using OpenCvSharp;
using Refinery.Formats.Voc;

namespace Refinery.Operators.Augmentation;

/// <summary>An operator bound to its parsed parameters.</summary>
public sealed class ParsedAugmentation<TParams, TDrawn>(AugmentationOperator<TParams, TDrawn> @operator, TParams parameters) : IAugmentation
    where TParams : notnull
    where TDrawn : notnull
{
    public TParams Parameters { get; } = parameters;

    public string OperatorName => @operator.Name;

    public PreparedAugmentation Prepare(Size size, MatType type, IReadOnlyList<VocBox> boxes, AugmentationRandom random) =>
        @operator.Prepare(Parameters, size, type, boxes, random);
}
