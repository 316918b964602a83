namespace Refinery.Bench.Api;

/// <summary>What the figures were measured on.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"nproc {Environment.ProcessorCount}, CPU {model ?? "unknown"}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, "
            + $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";
    }
}
