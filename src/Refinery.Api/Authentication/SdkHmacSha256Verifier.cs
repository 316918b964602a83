using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Refinery.Api.Authentication;

/// <summary>
/// Checks that a request was signed with <c>SDK-HMAC-SHA256</c> by a known access key, recently, and has not been
/// altered since; it answers the way Huawei's API Gateway does (401 <c>APIGW.0301</c>).
/// </summary>
/// <param name="findSecretKey">Returns the secret key of an access key, or null when the access key is unknown.</param>
/// <param name="timeProvider">The server clock that <c>X-Sdk-Date</c> is checked against.</param>
public sealed class SdkHmacSha256Verifier(Func<string, string?> findSecretKey, TimeProvider timeProvider)
{
    /// <summary>API Gateway's documented clock-skew window: it bounds how long a captured request can be replayed.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

    public const string ErrorCode = "APIGW.0301";

    private const string MessagePrefix = "Incorrect IAM authentication information: ";
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    private const string HostHeaderName = "Host";
    private const int SignatureLength = 32;

    public SignatureVerificationResult Verify(SignableRequest request)
    {
        var headers = request.Headers;
        var authorizationValues = headers[SdkHmacSha256Signer.AuthorizationHeaderName];
        if (authorizationValues.Count != 1)
        {
            return Refuse(
                SignatureFailureReason.MissingAuthorization,
                "the request must carry exactly one Authorization header");
        }

        if (!SdkHmacSha256Authorization.TryParse(authorizationValues[0], out var authorization))
        {
            return Refuse(
                SignatureFailureReason.MalformedAuthorization,
                "the Authorization header must read 'SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2;...>, Signature=<hex>'");
        }

        var accessKey = authorization.AccessKey;
        var signedHeaders = authorization.SignedHeaders;
        if (!signedHeaders.Contains(SdkDate.HeaderName, StringComparer.OrdinalIgnoreCase))
        {
            return Refuse(SignatureFailureReason.DateNotSigned, "SignedHeaders must include x-sdk-date", accessKey);
        }

        if (signedHeaders.Contains(SdkHmacSha256Signer.AuthorizationHeaderName, StringComparer.OrdinalIgnoreCase))
        {
            return Refuse(
                SignatureFailureReason.MalformedAuthorization,
                "SignedHeaders must not include authorization",
                accessKey);
        }

        var sdkDates = headers[SdkDate.HeaderName];
        if (sdkDates.Count != 1 || !SdkDate.TryParse(sdkDates[0].Trim(), out var signedAt))
        {
            return Refuse(
                SignatureFailureReason.InvalidDate,
                "X-Sdk-Date must be the UTC signing time as yyyyMMddTHHmmssZ, e.g. 20190307T101459Z",
                accessKey);
        }

        var now = timeProvider.GetUtcNow();
        if ((now - signedAt).Duration() > AllowedClockSkew)
        {
            return Refuse(
                SignatureFailureReason.DateOutOfRange,
                $"X-Sdk-Date {sdkDates[0].Trim()} is more than {AllowedClockSkew.TotalMinutes} minutes away from the server time {SdkDate.ToHeaderValue(now)}",
                accessKey);
        }

        var secretKey = findSecretKey(accessKey);
        if (secretKey is null)
        {
            return Refuse(SignatureFailureReason.UnknownAccessKey, "Get secretKey failed", accessKey);
        }

        var missingHeader = signedHeaders.FirstOrDefault(name => !headers.Contains(name));
        if (missingHeader is not null)
        {
            return Refuse(
                SignatureFailureReason.SignedHeaderMissing,
                $"signed header '{missingHeader}' is missing from the request",
                accessKey);
        }

        if (!DeclaredContentHashHolds(request))
        {
            return Refuse(
                SignatureFailureReason.ContentHashMismatch,
                $"{SdkHmacSha256Canonicalizer.ContentSha256HeaderName} does not match the body",
                accessKey);
        }

        var received = new byte[SignatureLength];
        var signatureIsHex = authorization.Signature.Length == 2 * SignatureLength
            && Convert.FromHexString(authorization.Signature, received, out _, out _) == OperationStatus.Done;
        if (signatureIsHex && (SignatureMatches(request, authorization, secretKey, received)
            || SignatureMatchesWithoutHostPort(request, authorization, secretKey, received)))
        {
            return SignatureVerificationResult.Verified(accessKey);
        }

        return Refuse(SignatureFailureReason.SignatureMismatch, "verify aksk signature fail", accessKey);
    }

    private static bool SignatureMatches(
        SignableRequest request, SdkHmacSha256Authorization authorization, string secretKey, byte[] received)
    {
        var canonicalRequest = SdkHmacSha256Canonicalizer.CanonicalRequest(request, authorization.SignedHeaders);
        var stringToSign = SdkHmacSha256Signer.StringToSign(
            request.Headers[SdkDate.HeaderName][0].Trim(), canonicalRequest);
        var expected = SdkHmacSha256Signer.ComputeSignatureBytes(secretKey, stringToSign);
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }

    /// <summary>
    /// The .NET SDK signs the URL's host without its port while the Go SDK keeps it, so a request that arrives with
    /// <c>Host: name:port</c> may have been signed with either.
    /// </summary>
    private static bool SignatureMatchesWithoutHostPort(
        SignableRequest request, SdkHmacSha256Authorization authorization, string secretKey, byte[] received)
    {
        var hostIsSigned = authorization.SignedHeaders.Contains(HostHeaderName, StringComparer.OrdinalIgnoreCase);
        var hosts = request.Headers[HostHeaderName];
        if (!hostIsSigned || hosts.Count != 1 || !TryRemovePort(hosts[0].Trim(), out var hostWithoutPort))
        {
            return false;
        }

        var withoutPort = request with { Headers = request.Headers.With(HostHeaderName, hostWithoutPort) };
        return SignatureMatches(withoutPort, authorization, secretKey, received);
    }

    private static bool TryRemovePort(string host, out string hostWithoutPort)
    {
        hostWithoutPort = host;
        var colon = host.LastIndexOf(':');
        var port = colon < 0 ? string.Empty : host[(colon + 1)..];
        // A colon inside an IPv6 literal ("[::1]") or in a bare IPv6 address is not a port separator.
        var isPortSeparator = colon > 0 && (host[colon - 1] == ']' || host.IndexOf(':') == colon);
        if (!isPortSeparator || port.Length == 0 || !port.All(char.IsAsciiDigit))
        {
            return false;
        }

        hostWithoutPort = host[..colon];
        return true;
    }

    /// <summary>
    /// A declared body hash replaces the body in the signature, so it must be the body's real hash: otherwise the body
    /// could be swapped under a valid signature. <c>UNSIGNED-PAYLOAD</c> is the client's explicit choice not to sign it.
    /// </summary>
    private static bool DeclaredContentHashHolds(SignableRequest request)
    {
        var declared = request.Headers[SdkHmacSha256Canonicalizer.ContentSha256HeaderName];
        if (declared.Count == 0)
        {
            return true;
        }

        var value = declared[0].Trim();
        return value == UnsignedPayload
            || value.Equals(SdkHmacSha256Canonicalizer.BodyHash(request.Body.Span), StringComparison.OrdinalIgnoreCase);
    }

    private static SignatureVerificationResult Refuse(
        SignatureFailureReason reason, string detail, string? accessKey = null) =>
        SignatureVerificationResult.Refused(
            new SignatureFailure(reason, StatusCodes.Status401Unauthorized, ErrorCode, MessagePrefix + detail),
            accessKey);
}
