using Refinery.Domain;

namespace Refinery.Engine.Lifecycle;

/// <summary>
/// <c>duration_seconds</c> as a client reads it: a running version (and its task) counts up from its start; a
/// finished one reports the duration recorded when it finished.
/// </summary>
public static class RunDuration
{
    public static int Seconds(int status, long? startTime, int recordedSeconds, long now) =>
        status == (int)VersionStatus.Running && startTime is { } start ? (int)Math.Max(0, (now - start) / 1000) : recordedSeconds;
}
