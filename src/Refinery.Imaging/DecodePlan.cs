namespace Refinery.Imaging;

/// <summary>What the header promises a decode will produce and cost, checked against the limits before any pixel is decoded.</summary>
/// <param name="Format">The format the bytes are in.</param>
/// <param name="Structure">The header's size, layout and framing.</param>
/// <param name="Dimensions">The size the header declares.</param>
/// <param name="FootprintBytes">The bytes the decode holds at its peak (<see cref="DecodeFootprint"/>).</param>
public sealed record DecodePlan(ImageFormat Format, ImageStructure Structure, ImageDimensions Dimensions, long FootprintBytes);
