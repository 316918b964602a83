using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCvSharp;
using Refinery.Formats.Voc;

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

    /// <summary>Pixel-only operators keep every box; geometric ones override this.</summary>
    public virtual BoxOutcome ApplyToBoxes(IReadOnlyList<VocBox> boxes, Size size, TDrawn drawn) => BoxOutcome.Unchanged(boxes);

    public string Describe(TDrawn drawn) => $"use {Name} augmentation {JsonSerializer.Serialize(drawn, _descriptionJson)}";

    public AugmentationResult Apply(TParams parameters, Mat image, IReadOnlyList<VocBox> boxes, AugmentationRandom random)
    {
        using var converted = BgrImage.From(image);
        var source = converted ?? image;
        var size = source.Size();
        var drawn = Draw(parameters, size, random);
        var description = Describe(drawn);

        // Boxes first: an image Rotate drops costs no pixel work.
        var moved = ApplyToBoxes(boxes, size, drawn);
        if (moved.DropImage)
        {
            return new AugmentationResult(null, size, [], true, $"{description}: dropped, a box would leave the canvas");
        }

        var output = ApplyToImage(source, drawn);
        return new AugmentationResult(output, output.Size(), moved.Boxes, false, description);
    }

    public IAugmentation Parse(OperatorParameters parameters) => new ParsedAugmentation<TParams, TDrawn>(this, ParseParams(parameters));
}
