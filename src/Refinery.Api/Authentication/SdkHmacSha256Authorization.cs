using System.Diagnostics.CodeAnalysis;

namespace Refinery.Api.Authentication;

/// <summary>The parts of an <c>Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…</c> header.</summary>
/// <param name="AccessKey">The AK that claims to have signed the request.</param>
/// <param name="SignedHeaders">The signed header names, in the order the client listed them.</param>
/// <param name="Signature">The hex signature the client computed.</param>
public sealed record SdkHmacSha256Authorization(string AccessKey, IReadOnlyList<string> SignedHeaders, string Signature)
{
    private const string SchemePrefix = SdkHmacSha256Signer.Algorithm + " ";

    /// <summary>
    /// Reads the header tolerantly (spaces around commas and <c>=</c> are optional, parameter names ignore case, unknown
    /// parameters are skipped) but refuses anything ambiguous: a missing or empty or repeated parameter.
    /// </summary>
    public static bool TryParse(string? headerValue, [NotNullWhen(true)] out SdkHmacSha256Authorization? authorization)
    {
        authorization = null;
        var value = headerValue?.Trim();
        if (value is null || !value.StartsWith(SchemePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        string? accessKey = null, signedHeaders = null, signature = null;
        foreach (var part in value[SchemePrefix.Length..].Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            var name = part[..equals].Trim();
            var parameter = part[(equals + 1)..].Trim();
            if (parameter.Length == 0)
            {
                return false;
            }

            var accepted = name.ToUpperInvariant() switch
            {
                "ACCESS" => TryAssignOnce(ref accessKey, parameter),
                "SIGNEDHEADERS" => TryAssignOnce(ref signedHeaders, parameter),
                "SIGNATURE" => TryAssignOnce(ref signature, parameter),
                _ => true,
            };
            if (!accepted)
            {
                return false;
            }
        }

        if (accessKey is null || signedHeaders is null || signature is null)
        {
            return false;
        }

        var headerNames = signedHeaders.Split(';', StringSplitOptions.TrimEntries);
        if (headerNames.Any(static name => name.Length == 0))
        {
            return false;
        }

        authorization = new SdkHmacSha256Authorization(accessKey, headerNames, signature);
        return true;
    }

    private static bool TryAssignOnce(ref string? target, string value)
    {
        if (target is not null)
        {
            return false;
        }

        target = value;
        return true;
    }
}
