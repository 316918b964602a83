using System.Text.RegularExpressions;
using Refinery.Domain;

namespace Refinery.Api.ProcessorTasks;

/// <summary>The string rules of the API (names, descriptions, version names), each failing with a message that names the rule.</summary>
public static partial class FieldRules
{
    public const int MaxDescriptionLength = 256;

    public static string TaskName(string field, string value) =>
        TaskNamePattern().IsMatch(value) ? value : throw ModelArtsErrors.InvalidArgument(field, "must be 1-64 characters of letters, digits, '_' and '-'");

    public static string? Description(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > MaxDescriptionLength)
        {
            throw ModelArtsErrors.InvalidArgument(field, $"must be at most {MaxDescriptionLength} characters, got {value.Length}");
        }

        return value.IndexOfAny(['^', '!', '<', '>', '=', '&', '"', '\'']) < 0
            ? value
            : throw ModelArtsErrors.InvalidArgument(field, "must not contain any of ^ ! < > = & \" '");
    }

    public static string? VersionName(string field, string? value) =>
        value is null || VersionNamePattern().IsMatch(value)
            ? value
            : throw ModelArtsErrors.InvalidArgument(field, "must be 0-32 characters of letters, digits, '_' and '-'");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex TaskNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{0,32}$")]
    private static partial Regex VersionNamePattern();
}
