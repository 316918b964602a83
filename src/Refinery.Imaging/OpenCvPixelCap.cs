using System.Globalization;
using System.Runtime.InteropServices;

namespace Refinery.Imaging;

/// <summary>
/// OpenCV's own limit on the pixels one decode may allocate, <c>OPENCV_IO_MAX_IMAGE_PIXELS</c>: a backstop behind
/// <see cref="ImageDecoder"/>'s checks. OpenCV reads the variable once, when its library is loaded, through the C
/// library's <c>getenv</c>; .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach
/// that environment on Linux, so it is set with <c>setenv</c>, and it must be set before the process first calls OpenCV.
/// </summary>
public static class OpenCvPixelCap
{
    public const string Variable = "OPENCV_IO_MAX_IMAGE_PIXELS";

    /// <summary>Caps OpenCV's decodes at <paramref name="maxPixels"/>; takes effect only if OpenCV has not been used yet in this process.</summary>
    /// <exception cref="InvalidOperationException">The C library refused the variable.</exception>
    public static void Apply(long maxPixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPixels);
        var value = maxPixels.ToString(CultureInfo.InvariantCulture);
        Environment.SetEnvironmentVariable(Variable, value); // for child processes and managed readers
        if (!OperatingSystem.IsLinux())
        {
            return; // the OpenCV runtime Refinery ships is Linux's; elsewhere the variable above is all there is to set
        }

        if (SetEnv(Variable, value, overwrite: 1) != 0)
        {
            throw new InvalidOperationException($"setenv({Variable}) failed with error {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc.so.6", EntryPoint = "setenv", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
