using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Refinery.Api.Authentication;

/// <summary>
/// Checks that a request was signed with <c>SDK-HMAC-SHA256</c> by a known access key, recently, and has not been
/// altered since; it answers the way Huawei's API Gateway does (401 <c>APIGW.0301</c>). It works in two steps so that
/// a server learns whether to trust a request before it reads a byte of its body: <see cref="TryAcceptHeaders"/>
/// needs only the headers; <see cref="VerifySignature"/> then needs the secret key and the body hash.
/// </summary>
/// <param name="timeProvider">The server clock that <c>X-Sdk-Date</c> is checked against.</param>
public sealed class SdkHmacSha256Verifier(TimeProvider timeProvider)
{
    /// <summary>API Gateway's documented clock-skew window: it bounds how long a captured request can be replayed.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

    public const string ErrorCode = "APIGW.0301";

    private const string MessagePrefix = "Incorrect IAM authentication information: ";

    /// <summary>
    /// Said alike for an unknown access key and for every check that needs its secret key, so that the answer never
    /// tells whether an access key exists.
    /// </summary>
    private const string SignatureFailDetail = "verify aksk signature fail";

    private const string HostHeaderName = "Host";
    private const int SignatureLength = 32;

    /// <summary>
    /// The first step, which needs neither a secret key nor the body: one well-formed <c>Authorization</c> header,
    /// an <c>X-Sdk-Date</c> that is signed and within <see cref="AllowedClockSkew"/>, and every signed header present.
    /// </summary>
    public bool TryAcceptHeaders(
        RequestHeaderMap headers,
        [NotNullWhen(true)] out SdkHmacSha256Authorization? authorization,
        [NotNullWhen(false)] out SignatureFailure? failure)
    {
        failure = HeaderFailure(headers, out authorization);
        return failure is null;
    }

    /// <summary>
    /// The second step, for a request whose headers <see cref="TryAcceptHeaders"/> accepted: the declared body hash
    /// and the signature.
    /// </summary>
    /// <param name="request">The request; its <see cref="SignableRequest.BodyHash"/> is needed unless the client declared <c>UNSIGNED-PAYLOAD</c>.</param>
    /// <param name="authorization">What <see cref="TryAcceptHeaders"/> read from the <c>Authorization</c> header.</param>
    /// <param name="secretKey">The secret key of the access key, or null when the access key is unknown.</param>
    public static SignatureVerificationResult VerifySignature(
        SignableRequest request, SdkHmacSha256Authorization authorization, string? secretKey)
    {
        var accessKey = authorization.AccessKey;
        if (secretKey is null)
        {
            return Refuse(SignatureFailureReason.UnknownAccessKey, SignatureFailDetail, accessKey);
        }

        if (!DeclaredContentHashHolds(request))
        {
            return Refuse(SignatureFailureReason.ContentHashMismatch, SignatureFailDetail, accessKey);
        }

        var received = new byte[SignatureLength];
        var signatureIsHex = authorization.Signature.Length == 2 * SignatureLength
            && Convert.FromHexString(authorization.Signature, received, out _, out _) == OperationStatus.Done;
        if (signatureIsHex && (SignatureMatches(request, authorization, secretKey, received)
            || SignatureMatchesWithoutHostPort(request, authorization, secretKey, received)))
        {
            return SignatureVerificationResult.Verified(accessKey);
        }

        return Refuse(SignatureFailureReason.SignatureMismatch, SignatureFailDetail, accessKey);
    }

    private SignatureFailure? HeaderFailure(RequestHeaderMap headers, out SdkHmacSha256Authorization? authorization)
    {
        authorization = null;
        var authorizationValues = headers[SdkHmacSha256Signer.AuthorizationHeaderName];
        if (authorizationValues.Count != 1)
        {
            return Failure(
                SignatureFailureReason.MissingAuthorization,
                "the request must carry exactly one Authorization header");
        }

        if (!SdkHmacSha256Authorization.TryParse(authorizationValues[0], out var parsed))
        {
            return Failure(
                SignatureFailureReason.MalformedAuthorization,
                "the Authorization header must read 'SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2;...>, Signature=<hex>'");
        }

        var signedHeaders = parsed.SignedHeaders;
        if (!signedHeaders.Contains(SdkDate.HeaderName, StringComparer.OrdinalIgnoreCase))
        {
            return Failure(SignatureFailureReason.DateNotSigned, "SignedHeaders must include x-sdk-date");
        }

        if (signedHeaders.Contains(SdkHmacSha256Signer.AuthorizationHeaderName, StringComparer.OrdinalIgnoreCase))
        {
            return Failure(SignatureFailureReason.MalformedAuthorization, "SignedHeaders must not include authorization");
        }

        var sdkDates = headers[SdkDate.HeaderName];
        if (sdkDates.Count != 1 || !SdkDate.TryParse(sdkDates[0].Trim(), out var signedAt))
        {
            return Failure(
                SignatureFailureReason.InvalidDate,
                "X-Sdk-Date must be the UTC signing time as yyyyMMddTHHmmssZ, e.g. 20190307T101459Z");
        }

        var now = timeProvider.GetUtcNow();
        if ((now - signedAt).Duration() > AllowedClockSkew)
        {
            return Failure(
                SignatureFailureReason.DateOutOfRange,
                $"X-Sdk-Date {sdkDates[0].Trim()} is more than {AllowedClockSkew.TotalMinutes} minutes away from the server time {SdkDate.ToHeaderValue(now)}");
        }

        var missingHeader = signedHeaders.FirstOrDefault(name => !headers.Contains(name));
        if (missingHeader is not null)
        {
            return Failure(
                SignatureFailureReason.SignedHeaderMissing,
                $"signed header '{missingHeader}' is missing from the request");
        }

        authorization = parsed;
        return null;
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
        return declared.Count == 0
            || SdkHmacSha256Canonicalizer.DeclaresUnsignedPayload(request.Headers)
            || declared[0].Trim().Equals(request.BodyHash, StringComparison.OrdinalIgnoreCase);
    }

    private static SignatureFailure Failure(SignatureFailureReason reason, string detail) =>
        new(reason, StatusCodes.Status401Unauthorized, ErrorCode, MessagePrefix + detail);

    private static SignatureVerificationResult Refuse(SignatureFailureReason reason, string detail, string accessKey) =>
        SignatureVerificationResult.Refused(Failure(reason, detail), accessKey);
}
