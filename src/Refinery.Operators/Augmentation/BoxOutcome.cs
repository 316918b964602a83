using Refinery.Formats.Voc;

namespace Refinery.Operators.Augmentation;

/// <summary>What an operator did to an image's boxes: the boxes kept (moved), or "drop the whole image".</summary>
public sealed record BoxOutcome(IReadOnlyList<AugmentedBox> Boxes, bool DropImage)
{
    public static BoxOutcome DroppedImage { get; } = new([], true);

    /// <summary>Pixel-only operators leave every box where it was.</summary>
    public static BoxOutcome Unchanged(IReadOnlyList<VocBox> boxes) => new([.. boxes.Select((box, index) => new AugmentedBox(index, box))], false);
}
