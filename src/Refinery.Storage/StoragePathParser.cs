using System.Text.RegularExpressions;
using Refinery.Domain;

namespace Refinery.Storage;

/// <summary>Turns the OBS paths clients send (<c>obs://</c>, <c>s3://</c> or <c>/bucket/key</c>) into object paths.</summary>
public static partial class StoragePathParser
{
    private static readonly string[] _uriSchemes = ["obs://", "s3://"];

    /// <summary>
    /// Parses <paramref name="path"/>, the value of request field <paramref name="field"/>. A trailing '/' on the key
    /// is dropped. Throws a <see cref="ModelArtsException"/> (4313, or 4315 for '//') whose message names the field.
    /// </summary>
    public static ObjectPath Parse(string field, string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw Invalid(field, path ?? string.Empty, "the path must not be empty");
        }

        if (ObjectKeyRules.FindCharacterViolation(path) is { } characterRule)
        {
            throw Invalid(field, path, characterRule);
        }

        var schemeLength = SchemeLength(path);
        if (schemeLength == 0)
        {
            throw Invalid(field, path, "the path must start with obs://, s3:// or /");
        }

        // Counting from the scheme's last '/' also catches an empty bucket: obs:///key and //bucket/key hold '//' too.
        if (path.AsSpan(schemeLength - 1).Contains("//", StringComparison.Ordinal))
        {
            throw NamingField(field, ModelArtsErrors.PathHasDoubleSlash(path));
        }

        var afterScheme = path[schemeLength..];
        var slash = afterScheme.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? afterScheme : afterScheme[..slash];
        var key = slash < 0 ? string.Empty : afterScheme[(slash + 1)..];

        if (!BucketName().IsMatch(bucket))
        {
            throw Invalid(
                field,
                path,
                $"bucket name '{bucket}' must be 1-63 characters of [A-Za-z0-9._-] starting with a letter or digit");
        }

        if (ObjectKeyRules.FindViolation(key) is { } keyRule)
        {
            throw Invalid(field, path, keyRule);
        }

        return new ObjectPath(bucket, key.TrimEnd('/'));
    }

    /// <summary>How many characters the scheme takes (1 for the <c>/bucket/key</c> form), or 0 for an unknown scheme.</summary>
    private static int SchemeLength(string path)
    {
        foreach (var scheme in _uriSchemes)
        {
            if (path.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return scheme.Length;
            }
        }

        return path[0] == '/' ? 1 : 0;
    }

    private static ModelArtsException Invalid(string field, string path, string rule) =>
        NamingField(field, ModelArtsErrors.PathInvalidCharacters(path, rule));

    // The catalogue's messages name the path but not the request field; clients need both to find their mistake.
    private static ModelArtsException NamingField(string field, ModelArtsException error) =>
        new(error.HttpStatus, error.ErrorCode, $"Field '{field}': {error.Message}");

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex BucketName();
}
