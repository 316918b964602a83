using System.Text.Json;
using System.Text.Json.Serialization;

namespace Refinery.Imaging.Tests.Resampling;

/// <summary>The values Pillow 9.4, imagehash's phash and cleanvision's blurriness give for the reference images (reference/make_reference.py).</summary>
public sealed record PillowReference(
    [property: JsonPropertyName("pillow")] string Pillow,
    [property: JsonPropertyName("images")] IReadOnlyList<PillowReferenceImage> Images)
{
    private static readonly string _directory = Path.Combine(AppContext.BaseDirectory, "Resampling", "reference");

    public static PillowReference Load { get; } =
        JsonSerializer.Deserialize<PillowReference>(File.ReadAllBytes(Path.Combine(_directory, "expected.json")))
        ?? throw new InvalidDataException("expected.json is empty");

    public static byte[] ImageBytes(string file) => File.ReadAllBytes(Path.Combine(_directory, "images", file));

    public static PillowReferenceImage Image(string file) => Load.Images.Single(image => image.File == file);
}

public sealed record PillowReferenceImage(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("phash")] string Phash,
    [property: JsonPropertyName("blurry")] CleanvisionBlurry Blurry,
    [property: JsonPropertyName("blurry_on_rgb")] CleanvisionBlurry BlurryOnRgb,
    [property: JsonPropertyName("resizes")] IReadOnlyList<PillowResize>? Resizes);

/// <summary>cleanvision's raw blurriness, the grey histogram's std and the blurry score.</summary>
public sealed record CleanvisionBlurry(
    [property: JsonPropertyName("blurriness")] double Blurriness,
    [property: JsonPropertyName("grayscale_std")] double GrayscaleStd,
    [property: JsonPropertyName("score")] double Score);

/// <summary>Pillow's <c>resize((Width, Height), Filter)</c> of a reference image: raw RGB or L bytes.</summary>
public sealed record PillowResize(
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("filter")] string Filter,
    [property: JsonPropertyName("pixels")] byte[] Pixels);
