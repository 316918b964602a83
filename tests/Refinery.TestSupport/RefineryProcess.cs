using System.Diagnostics;

namespace Refinery.TestSupport;

/// <summary>
/// The real <c>refinery</c> executable (<c>refinery.dll</c>, built beside the tests or the benchmark) in a child
/// process, its output read line by line.
/// </summary>
public static class RefineryProcess
{
    /// <summary>Starts <c>dotnet refinery.dll</c> with the arguments; its output waits in the pipes until <see cref="ReadLines"/>.</summary>
    public static Process Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "refinery.dll") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start refinery {start.ArgumentList[1]}");
    }

    /// <summary>Hands every line the process writes, to standard output or error, to <paramref name="line"/>.</summary>
    public static void ReadLines(Process process, Action<string> line)
    {
        process.OutputDataReceived += (_, received) =>
        {
            if (received.Data is { } text)
            {
                line(text);
            }
        };
        process.ErrorDataReceived += (_, received) =>
        {
            if (received.Data is { } text)
            {
                line(text);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }
}
