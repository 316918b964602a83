using System.Diagnostics;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>The real <c>refinery</c> executable, built beside the tests.</summary>
public static class RefineryCli
{
    private static readonly string[] _clientVariables = ["REFINERY_ENDPOINT", "REFINERY_PROJECT_ID", "REFINERY_TOKEN", "REFINERY_CONFIG"];

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "refinery.dll");

    /// <summary>Runs one command to its end and returns its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var run = await RunAsync(new CliEnvironment(new Dictionary<string, string>()), arguments);
        return (run.ExitCode, run.Output);
    }

    /// <summary>
    /// Runs one command with exactly the <c>REFINERY_*</c> client variables of <paramref name="environment"/> (none
    /// inherited, so no test reads the real <c>~/.refinery</c>) and the given standard input.
    /// </summary>
    public static async Task<CliRun> RunAsync(CliEnvironment environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = environment.StandardInput is not null,
            UseShellExecute = false,
        };
        foreach (var name in _clientVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment.Variables)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start refinery");
        if (environment.StandardInput is { } input)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await errors);
    }
}
