using System.Globalization;
using Refinery.Domain;

namespace Refinery.Api.WebConsole;

/// <summary>How the console words the API's numeric codes and times.</summary>
public static class ConsoleText
{
    public static string Status(int status) => status switch
    {
        (int)VersionStatus.Initialized => "initialized",
        (int)VersionStatus.Running => "running",
        (int)VersionStatus.Completed => "completed",
        (int)VersionStatus.Failed => "failed",
        (int)VersionStatus.Stopped => "stopped",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };

    public static bool IsActive(int status) => status is (int)VersionStatus.Initialized or (int)VersionStatus.Running;

    public static string ResultProperty(int property) => property switch
    {
        (int)Domain.ResultProperty.Reserved => "kept",
        (int)Domain.ResultProperty.Modified => "modified",
        (int)Domain.ResultProperty.Deleted => "deleted",
        (int)Domain.ResultProperty.Added => "added",
        _ => property.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A catalog time (Unix milliseconds) in UTC, to the second.</summary>
    public static string Time(long? unixMilliseconds) =>
        unixMilliseconds is { } time
            ? DateTimeOffset.FromUnixTimeMilliseconds(time).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : "–";
}
