using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// One sample's augmentation with its values drawn and its boxes moved, before any pixel is touched: what applying it
/// will do, whether the image is dropped, and the most bytes applying and encoding the result hold at once
/// (<see cref="WorkingBytes"/>), so a caller can reserve them before the work starts.
/// </summary>
public sealed class PreparedAugmentation
{
    private readonly BoxOutcome _boxes;
    private readonly Func<Mat, Mat> _applyToImage;

    internal PreparedAugmentation(Size inputSize, MatType inputType, string description, BoxOutcome boxes, long workingBytes, Func<Mat, Mat> applyToImage)
    {
        InputSize = inputSize;
        InputType = inputType;
        Description = description;
        _boxes = boxes;
        WorkingBytes = workingBytes;
        _applyToImage = applyToImage;
    }

    public Size InputSize { get; }

    public MatType InputType { get; }

    /// <summary>The operator and its drawn values, for <c>result_description</c>.</summary>
    public string Description { get; }

    /// <summary>True when a box would leave the canvas of an operator that then discards the image (Rotate).</summary>
    public bool Dropped => _boxes.DropImage;

    /// <summary>
    /// An upper bound of the bytes held at once beside the input: while applying, the BGR copy of a gray or BGRA
    /// input, the operator's output and intermediates and OpenCV's own buffers; then the output and its encoding
    /// (<see cref="Refinery.Imaging.EncodeFootprint"/>). Zero when the image is dropped: nothing is allocated.
    /// </summary>
    public long WorkingBytes { get; }

    /// <summary>Applies the drawn values to <paramref name="image"/>, which must have the size and type this was prepared for; it is left untouched.</summary>
    /// <exception cref="ArgumentException">The image is not the one this was prepared for, so <see cref="WorkingBytes"/> would not bound its work.</exception>
    public AugmentationResult Apply(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Size() != InputSize || image.Type() != InputType)
        {
            throw new ArgumentException($"prepared for a {InputSize.Width}x{InputSize.Height} {InputType} image, given a {image.Width}x{image.Height} {image.Type()} one", nameof(image));
        }

        if (Dropped)
        {
            return new AugmentationResult(null, InputSize, [], true, $"{Description}: dropped, a box would leave the canvas");
        }

        using var converted = BgrImage.From(image);
        var output = _applyToImage(converted ?? image);
        return new AugmentationResult(output, output.Size(), _boxes.Boxes, false, Description);
    }
}
