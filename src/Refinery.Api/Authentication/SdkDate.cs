using System.Globalization;

namespace Refinery.Api.Authentication;

/// <summary>The <c>X-Sdk-Date</c> header: UTC time in the basic ISO 8601 form <c>20190307T101459Z</c>.</summary>
public static class SdkDate
{
    public const string HeaderName = "X-Sdk-Date";

    private const string Format = "yyyyMMdd'T'HHmmss'Z'";

    public static string ToHeaderValue(DateTimeOffset time) =>
        time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(
            value,
            Format,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out time);
}
