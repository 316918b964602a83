using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCvSharp;
using Refinery.Formats.Voc;
using Refinery.Imaging;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// The shape of every augmentation operator, after Albumentations: parameters are parsed once into
/// <typeparamref name="TParams"/>, drawn once per sample into <typeparamref name="TDrawn"/>, and the same drawn
/// values then transform the image and the boxes. Drawn values carry everything applying needs, so a description
/// that prints them says exactly what was done.
/// </summary>
public abstract class AugmentationOperator<TParams, TDrawn> : IAugmentationOperator
    where TParams : notnull
    where TDrawn : notnull
{
    private static readonly JsonSerializerOptions _descriptionJson = new() { Converters = { new JsonStringEnumConverter() } };

    public abstract string Name { get; }

    public abstract TParams ParseParams(OperatorParameters parameters);

    /// <summary>This sample's values; <paramref name="size"/> is the input image's.</summary>
    public abstract TDrawn Draw(TParams parameters, Size size, AugmentationRandom random);

    /// <summary>A new 8-bit BGR image; the input is not modified.</summary>
    public abstract Mat ApplyToImage(Mat image, TDrawn drawn);

    /// <summary>The size <see cref="ApplyToImage"/> returns: the input's, unless the operator changes the canvas.</summary>
    public virtual Size OutputSize(Size size, TDrawn drawn) => size;

    /// <summary>
    /// The bytes <see cref="ApplyToImage"/> allocates and holds at once on 8-bit BGR pixels of <paramref name="size"/>:
    /// its output and every intermediate it keeps alive beside it, read off its code (exact or above, never below).
    /// What OpenCV allocates inside its calls is added by <see cref="PixelBytes.OpenCvWorkspace"/>.
    /// </summary>
    public abstract long ApplyBytes(Size size, TDrawn drawn);

    /// <summary>Pixel-only operators keep every box; geometric ones override this.</summary>
    public virtual BoxOutcome ApplyToBoxes(IReadOnlyList<VocBox> boxes, Size size, TDrawn drawn) => BoxOutcome.Unchanged(boxes);

    public string Describe(TDrawn drawn) => $"use {Name} augmentation {JsonSerializer.Serialize(drawn, _descriptionJson)}";

    /// <summary>Draws this sample's values for an image of <paramref name="size"/> and <paramref name="type"/> and moves the boxes; no pixel is touched.</summary>
    public PreparedAugmentation Prepare(TParams parameters, Size size, MatType type, IReadOnlyList<VocBox> boxes, AugmentationRandom random)
    {
        var drawn = Draw(parameters, size, random);

        // Boxes first: an image Rotate drops costs no pixel work, and holds no memory.
        var moved = ApplyToBoxes(boxes, size, drawn);
        var working = moved.DropImage ? 0 : WorkingBytes(size, type, drawn);
        return new PreparedAugmentation(size, type, Describe(drawn), moved, working, image => ApplyToImage(image, drawn));
    }

    public IAugmentation Parse(OperatorParameters parameters) => new ParsedAugmentation<TParams, TDrawn>(this, ParseParams(parameters));

    /// <summary>
    /// Applying holds the BGR copy of the input, the operator's own allocations and OpenCV's; the intermediates and
    /// the copy are freed before the output is encoded, which holds the output and the encoder's buffers.
    /// </summary>
    private long WorkingBytes(Size size, MatType type, TDrawn drawn)
    {
        var output = OutputSize(size, drawn);
        var applying = PixelBytes.BgrConversion(size, type) + ApplyBytes(size, drawn) + PixelBytes.OpenCvWorkspace(size, output);
        var encoding = PixelBytes.Bgr(output) + EncodeFootprint.Estimate(new ImageDimensions(output.Width, output.Height), 3);
        return Math.Max(applying, encoding);
    }
}
