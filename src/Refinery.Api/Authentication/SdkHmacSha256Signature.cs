namespace Refinery.Api.Authentication;

/// <summary>Everything signing produced, so that a client can send it and a failing test can show where it diverged.</summary>
/// <param name="CanonicalRequest">The canonical request that was hashed.</param>
/// <param name="StringToSign">The algorithm, the <c>X-Sdk-Date</c> value and the canonical request's hash.</param>
/// <param name="SignedHeaders">The <c>SignedHeaders</c> list.</param>
/// <param name="Signature">Lower-case hex HMAC-SHA256 of the string to sign.</param>
/// <param name="AuthorizationHeaderValue">The value to send as the <c>Authorization</c> header.</param>
public sealed record SdkHmacSha256Signature(
    string CanonicalRequest,
    string StringToSign,
    string SignedHeaders,
    string Signature,
    string AuthorizationHeaderValue);
