namespace Refinery.Storage.S3;

/// <summary>A Refinery bucket name bound to the S3 bucket that holds its objects, as given on the command line.</summary>
public sealed record S3BucketMapping(string Name, S3StoreOptions Options)
{
    private const string ExpectedForm = "NAME=endpoint,access_key,secret_key[,bucket]";

    /// <summary>
    /// Parses <c>NAME=endpoint,access_key,secret_key[,bucket]</c>; the remote bucket defaults to NAME.
    /// Throws <see cref="FormatException"/> saying which part is wrong (never echoing the secret key).
    /// </summary>
    public static S3BucketMapping Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw new FormatException($"S3 bucket '{Describe(text)}' must have the form {ExpectedForm}: the '=' is missing.");
        }

        var name = text[..equals].Trim();
        if (name.Length == 0)
        {
            throw new FormatException($"S3 bucket '{Describe(text)}' must have the form {ExpectedForm}: NAME is empty.");
        }

        var parts = text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 3 or > 4)
        {
            throw new FormatException(
                $"S3 bucket '{name}' must have the form {ExpectedForm}: found {parts.Length} comma-separated values after '=', expected 3 or 4.");
        }

        if (!Uri.TryCreate(parts[0], UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"S3 bucket '{name}': endpoint '{parts[0]}' must be an absolute http:// or https:// URL.");
        }

        string[] labels = ["endpoint", "access_key", "secret_key", "bucket"];
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
            {
                throw new FormatException($"S3 bucket '{name}' must have the form {ExpectedForm}: {labels[i]} is empty.");
            }
        }

        var options = new S3StoreOptions(endpoint, parts[1], parts[2], parts.Length == 4 ? parts[3] : name);
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"S3 bucket '{name}': {e.Message}", e);
        }

        return new S3BucketMapping(name, options);
    }

    // Shows only what precedes the credentials, so a malformed argument never leaks a secret into an error.
    private static string Describe(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? text : $"{text[..comma]},…";
    }
}
