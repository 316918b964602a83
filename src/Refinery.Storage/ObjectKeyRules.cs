namespace Refinery.Storage;

/// <summary>The rules every object key obeys, shared by the path parser and the stores so both refuse the same keys.</summary>
internal static class ObjectKeyRules
{
    /// <summary>
    /// Why <paramref name="key"/> is not a valid key ('/'-separated, no leading slash, an optional trailing slash),
    /// or null when it is. The empty key names the bucket itself.
    /// </summary>
    public static string? FindViolation(string key)
    {
        if (key.Length == 0)
        {
            return null;
        }

        if (key[0] == '/')
        {
            return "the key must not start with '/'";
        }

        if (FindCharacterViolation(key) is { } characterRule)
        {
            return characterRule;
        }

        var segments = key.EndsWith('/') ? key[..^1].Split('/') : key.Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                return "the key must not contain '//'";
            }

            if (segment is "." or "..")
            {
                return "'.' and '..' segments are not allowed";
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="text"/> holds a character no path may hold, or null when it holds none.</summary>
    public static string? FindCharacterViolation(string text)
    {
        foreach (var character in text)
        {
            if (character == '\0')
            {
                return "NUL characters are not allowed";
            }

            if (char.IsControl(character))
            {
                return $"control character U+{(int)character:X4} is not allowed";
            }

            if (character == '\\')
            {
                return "backslashes are not allowed; separate segments with '/'";
            }
        }

        return null;
    }
}
