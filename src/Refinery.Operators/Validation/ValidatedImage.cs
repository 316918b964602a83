namespace Refinery.Operators.Validation;

/// <summary>The image as validation leaves it.</summary>
/// <param name="Encoded">New bytes when the image was re-encoded; null when the input bytes are kept as they are.</param>
/// <param name="Extension">The output file's extension, with its dot.</param>
/// <param name="Format">The output format, lower case (jpeg, png, bmp).</param>
/// <param name="Width">Output width in pixels.</param>
/// <param name="Height">Output height in pixels.</param>
/// <param name="Channels">Output channel count.</param>
/// <param name="XScale">Output width over input width: how boxes scale horizontally.</param>
/// <param name="YScale">Output height over input height.</param>
/// <param name="Actions">One sentence per change, each saying what was done and why.</param>
internal sealed record ValidatedImage(
    byte[]? Encoded,
    string Extension,
    string Format,
    int Width,
    int Height,
    int Channels,
    double XScale,
    double YScale,
    IReadOnlyList<string> Actions);
