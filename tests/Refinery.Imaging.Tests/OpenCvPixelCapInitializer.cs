using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Refinery.Imaging.Tests;

/// <summary>Sets OpenCV's pixel cap as the server does at start: before anything in this test process calls OpenCV.</summary>
internal static class OpenCvPixelCapInitializer
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The cap must be set before OpenCV loads, which any test may trigger first.")]
    internal static void Apply() => OpenCvPixelCap.Apply(ImageDecodeLimits.DefaultMaxPixels);
}
