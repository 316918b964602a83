using System.Security.Cryptography;
using System.Text;

namespace Refinery.Api.Authentication;

/// <summary>Builds the canonical request of Huawei's <c>SDK-HMAC-SHA256</c> (APIG) signing algorithm, part by part.</summary>
public static class SdkHmacSha256Canonicalizer
{
    /// <summary>When a request carries this header, its value stands in for the body hash (e.g. <c>UNSIGNED-PAYLOAD</c>).</summary>
    public const string ContentSha256HeaderName = "X-Sdk-Content-Sha256";

    /// <summary>The <c>X-Sdk-Content-Sha256</c> value by which a client leaves the body out of the signature.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    private const string UpperHexDigits = "0123456789ABCDEF";

    /// <summary>
    /// Percent-encodes every segment of the path after undoing the client's own escaping, so that equivalent spellings
    /// of one path (<c>%7e</c>, <c>~</c>, <c>%7E</c>) canonicalize alike; then makes sure the result ends with <c>/</c>.
    /// </summary>
    public static string CanonicalUri(string rawPath)
    {
        // Splitting before unescaping keeps an escaped '/' (%2F) inside its segment, as the client meant it.
        var segments = rawPath.Split('/');
        var builder = new StringBuilder(rawPath.Length + 8);
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            AppendEncoded(builder, PercentDecode(segments[i], plusIsSpace: false));
        }

        if (builder.Length == 0 || builder[^1] != '/')
        {
            builder.Append('/');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes the raw query (form rules: <c>+</c> is a space) and re-encodes every name and value, sorted by name and
    /// then value in byte order, as <c>name=value</c> joined by <c>&amp;</c>. An empty value keeps its <c>=</c>.
    /// </summary>
    /// <param name="rawQuery">The query component without its <c>?</c> delimiter: a query may itself start with <c>?</c>.</param>
    public static string CanonicalQueryString(string rawQuery)
    {
        var parameters = new List<(byte[] Name, byte[] Value)>();
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            parameters.Add((PercentDecode(name, plusIsSpace: true), PercentDecode(value, plusIsSpace: true)));
        }

        // Both reference SDKs sort the decoded names and values; byte order is the Go SDK's order.
        parameters.Sort(static (left, right) =>
        {
            var byName = left.Name.AsSpan().SequenceCompareTo(right.Name);
            return byName != 0 ? byName : left.Value.AsSpan().SequenceCompareTo(right.Value);
        });

        var builder = new StringBuilder(rawQuery.Length + 16);
        foreach (var (name, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            AppendEncoded(builder, name);
            builder.Append('=');
            AppendEncoded(builder, value);
        }

        return builder.ToString();
    }

    /// <summary>The names to sign in canonical form: lower case, without duplicates, in ordinal order.</summary>
    public static IReadOnlyList<string> NormalizeSignedHeaderNames(IEnumerable<string> headerNames) =>
        [.. headerNames
            .Select(static name => name.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>The <c>SignedHeaders</c> list: normalized header names joined by <c>;</c>.</summary>
    public static string SignedHeaders(IEnumerable<string> headerNames) =>
        string.Join(';', NormalizeSignedHeaderNames(headerNames));

    /// <summary>
    /// One <c>name:value\n</c> line per value of each signed header, names in lower case and sorted, values trimmed.
    /// </summary>
    /// <exception cref="ArgumentException">A header named in <paramref name="signedHeaderNames"/> is absent.</exception>
    public static string CanonicalHeaders(RequestHeaderMap headers, IEnumerable<string> signedHeaderNames)
    {
        var builder = new StringBuilder();
        foreach (var name in NormalizeSignedHeaderNames(signedHeaderNames))
        {
            var values = headers[name];
            if (values.Count == 0)
            {
                throw new ArgumentException(
                    $"Header '{name}' is to be signed but the request does not carry it.", nameof(signedHeaderNames));
            }

            // The Go SDK signs every value of a repeated header, sorted; a single value is the common case.
            foreach (var value in values.Select(static value => value.Trim()).Order(StringComparer.Ordinal))
            {
                builder.Append(name).Append(':').Append(value).Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the body.</summary>
    public static string BodyHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>
    /// True when the client chose not to sign the body (<c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c>): then neither
    /// the signature nor its check needs a single body byte.
    /// </summary>
    public static bool DeclaresUnsignedPayload(RequestHeaderMap headers)
    {
        var declared = headers[ContentSha256HeaderName];
        return declared.Count > 0 && declared[0].Trim() == UnsignedPayload;
    }

    /// <summary>The last line of the canonical request: <c>X-Sdk-Content-Sha256</c> when present, else the body hash.</summary>
    /// <exception cref="ArgumentException">Neither is known.</exception>
    public static string PayloadHash(RequestHeaderMap headers, string? bodyHash)
    {
        var declared = headers[ContentSha256HeaderName];
        return declared.Count > 0
            ? declared[0].Trim()
            : bodyHash ?? throw new ArgumentException(
                $"The body hash is needed: the request does not declare {ContentSha256HeaderName}.", nameof(bodyHash));
    }

    /// <summary>
    /// Method, canonical URI, canonical query, canonical headers, signed-header list and payload hash, joined by
    /// <c>\n</c>. The canonical headers end with their own <c>\n</c>, so a blank line follows them.
    /// </summary>
    public static string CanonicalRequest(SignableRequest request, IEnumerable<string> signedHeaderNames)
    {
        var names = NormalizeSignedHeaderNames(signedHeaderNames);
        return string.Join(
            '\n',
            request.Method.ToUpperInvariant(),
            CanonicalUri(request.RawPath),
            CanonicalQueryString(request.RawQuery),
            CanonicalHeaders(request.Headers, names),
            string.Join(';', names),
            PayloadHash(request.Headers, request.BodyHash));
    }

    private static bool IsUnreserved(byte value) =>
        value is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    private static void AppendEncoded(StringBuilder builder, ReadOnlySpan<byte> bytes)
    {
        foreach (var value in bytes)
        {
            if (IsUnreserved(value))
            {
                builder.Append((char)value);
            }
            else
            {
                builder.Append('%').Append(UpperHexDigits[value >> 4]).Append(UpperHexDigits[value & 0xF]);
            }
        }
    }

    /// <summary>
    /// Decodes <c>%XY</c> escapes to bytes (not to text, so escapes that are not UTF-8 survive the round trip); a
    /// <c>%</c> that does not start a valid escape stays literal, and unescaped non-ASCII text is taken as UTF-8.
    /// </summary>
    private static byte[] PercentDecode(string text, bool plusIsSpace)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var decoded = new byte[bytes.Length];
        var length = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var current = bytes[i];
            if (current == (byte)'%' && i + 2 < bytes.Length
                && HexValue(bytes[i + 1]) is var high and >= 0 && HexValue(bytes[i + 2]) is var low and >= 0)
            {
                decoded[length++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                decoded[length++] = plusIsSpace && current == (byte)'+' ? (byte)' ' : current;
            }
        }

        return decoded[..length];
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        _ => -1,
    };
}
