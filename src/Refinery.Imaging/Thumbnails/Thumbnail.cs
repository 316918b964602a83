namespace Refinery.Imaging.Thumbnails;

/// <summary>An encoded thumbnail: its bytes, the format they are in and the size of the picture.</summary>
public sealed record Thumbnail(byte[] Data, ImageFormat Format, ImageDimensions Dimensions);
