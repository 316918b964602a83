namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>How a run of the <c>refinery</c> executable ended and what it wrote where.</summary>
public sealed record CliRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
