namespace Refinery.Api.Authentication;

/// <summary>
/// The parts of an HTTP request that an <c>SDK-HMAC-SHA256</c> signature covers, exactly as they travel on the wire.
/// The body is represented by its hash, so that a server can hash a large body as it streams in instead of holding it.
/// </summary>
/// <param name="Method">The HTTP method; case does not matter.</param>
/// <param name="RawPath">The path as sent, still percent-encoded (for example <c>/v2/p/processor-tasks</c>).</param>
/// <param name="RawQuery">
/// The query as sent, still percent-encoded, WITHOUT the <c>?</c> that separates it from the path (ASP.NET Core's
/// <c>QueryString.Value</c> includes it; a query may itself begin with <c>?</c>, so it cannot be stripped blindly).
/// Empty when there is none.
/// </param>
/// <param name="Headers">The request headers.</param>
/// <param name="BodyHash">
/// The lower-case hex SHA-256 of the body bytes as sent (<see cref="SdkHmacSha256Canonicalizer.BodyHash"/>); null
/// when the body was not read because the client declared <c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c>.
/// </param>
public sealed record SignableRequest(
    string Method,
    string RawPath,
    string RawQuery,
    RequestHeaderMap Headers,
    string? BodyHash)
{
    /// <summary>Builds the request from a raw request target (<c>/path?query</c>), as <c>IHttpRequestFeature.RawTarget</c> gives it.</summary>
    public static SignableRequest FromRequestTarget(
        string method, string rawTarget, RequestHeaderMap headers, string? bodyHash)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return queryStart < 0
            ? new SignableRequest(method, rawTarget, string.Empty, headers, bodyHash)
            : new SignableRequest(method, rawTarget[..queryStart], rawTarget[(queryStart + 1)..], headers, bodyHash);
    }
}
