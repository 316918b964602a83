using OpenCvSharp;
using Refinery.Formats.Voc;

namespace Refinery.Operators.Augmentation;

/// <summary>An operator with its validated parameters, ready to augment samples. Stateless and thread-safe.</summary>
public interface IAugmentation
{
    string OperatorName { get; }

    /// <summary>
    /// Draws this sample's parameters from <paramref name="random"/> and applies them to the image and its boxes.
    /// <paramref name="image"/> is 8-bit BGR (1- and 4-channel images are converted) and is left untouched.
    /// </summary>
    AugmentationResult Apply(Mat image, IReadOnlyList<VocBox> boxes, AugmentationRandom random);
}
