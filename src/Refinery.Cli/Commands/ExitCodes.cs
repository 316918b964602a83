namespace Refinery.Cli.Commands;

/// <summary>What a client command's exit code tells a script.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The request was refused (a ModelArts error, a bad connection setting, an unreachable server).</summary>
    public const int Refused = 1;

    /// <summary><c>tasks wait</c>: the version failed.</summary>
    public const int VersionFailed = 2;

    /// <summary><c>tasks wait</c>: the version was stopped.</summary>
    public const int VersionStopped = 3;
}
