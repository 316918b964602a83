using OpenCvSharp;
using Refinery.Formats.Voc;

namespace Refinery.Operators.Augmentation;

/// <summary>An operator with its validated parameters, ready to augment samples. Stateless and thread-safe.</summary>
public interface IAugmentation
{
    string OperatorName { get; }

    /// <summary>
    /// Draws this sample's parameters from <paramref name="random"/> for an image of <paramref name="size"/> and
    /// <paramref name="type"/> (8-bit BGR, or gray, BGRA or deeper, which is converted) and moves its boxes, without
    /// touching a pixel: the result says what applying will hold in memory before it is applied.
    /// </summary>
    PreparedAugmentation Prepare(Size size, MatType type, IReadOnlyList<VocBox> boxes, AugmentationRandom random);

    /// <summary>Prepares for <paramref name="image"/> and applies at once; <paramref name="image"/> is left untouched.</summary>
    AugmentationResult Apply(Mat image, IReadOnlyList<VocBox> boxes, AugmentationRandom random)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Prepare(image.Size(), image.Type(), boxes, random).Apply(image);
    }
}
