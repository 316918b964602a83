using OpenCvSharp;
using Refinery.Formats.Voc;

namespace Refinery.Operators.Augmentation;

/// <summary>An operator that moves pixels: its drawn values become one <see cref="AffinePlan"/> for image and boxes.</summary>
public abstract class GeometricAugmentationOperator<TParams, TDrawn> : AugmentationOperator<TParams, TDrawn>
    where TParams : notnull
    where TDrawn : notnull
{
    /// <summary>ModelArts documents this for Rotate only: an image whose box would leave the canvas is discarded.</summary>
    protected virtual bool DropsImageWhenBoxLeaves => false;

    public abstract AffinePlan Plan(Size size, TDrawn drawn);

    public override BoxOutcome ApplyToBoxes(IReadOnlyList<VocBox> boxes, Size size, TDrawn drawn) =>
        BoxBookkeeping.Move(boxes, Plan(size, drawn), DropsImageWhenBoxLeaves);

    public sealed override Size OutputSize(Size size, TDrawn drawn) => Plan(size, drawn).Canvas;

    /// <summary>
    /// The output canvas alone: the general warp and every faster call operators replace it with (flip, resize,
    /// border, the clone of a region) write straight into their output.
    /// </summary>
    public sealed override long ApplyBytes(Size size, TDrawn drawn) => PixelBytes.Bgr(OutputSize(size, drawn));

    /// <summary>A general warp; operators with an exact, faster OpenCV call (flip, resize, border, ROI) override it.</summary>
    public override Mat ApplyToImage(Mat image, TDrawn drawn) => Plan(image.Size(), drawn).Warp(image);
}
