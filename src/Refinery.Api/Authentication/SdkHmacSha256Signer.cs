using System.Security.Cryptography;
using System.Text;

namespace Refinery.Api.Authentication;

/// <summary>Signs requests with an AK/SK pair the way Huawei's API Gateway SDKs do (<c>SDK-HMAC-SHA256</c>).</summary>
public static class SdkHmacSha256Signer
{
    public const string Algorithm = "SDK-HMAC-SHA256";

    public const string AuthorizationHeaderName = "Authorization";

    /// <summary>
    /// Signs <paramref name="request"/>, which must already carry <c>X-Sdk-Date</c>. Without
    /// <paramref name="signedHeaderNames"/> every header present is signed except <c>Authorization</c>, as the Go SDK does.
    /// </summary>
    public static SdkHmacSha256Signature Sign(
        SignableRequest request,
        string accessKey,
        string secretKey,
        IEnumerable<string>? signedHeaderNames = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        var sdkDates = request.Headers[SdkDate.HeaderName];
        if (sdkDates.Count != 1)
        {
            throw new ArgumentException(
                $"The request must carry exactly one {SdkDate.HeaderName} header (use SdkDate.ToHeaderValue) before it is signed.",
                nameof(request));
        }

        var names = SdkHmacSha256Canonicalizer.NormalizeSignedHeaderNames(
            signedHeaderNames
            ?? request.Headers.Names.Where(static name =>
                !name.Equals(AuthorizationHeaderName, StringComparison.OrdinalIgnoreCase)));
        if (!names.Contains("x-sdk-date"))
        {
            throw new ArgumentException("The signed headers must include x-sdk-date.", nameof(signedHeaderNames));
        }

        var canonicalRequest = SdkHmacSha256Canonicalizer.CanonicalRequest(request, names);
        var stringToSign = StringToSign(sdkDates[0].Trim(), canonicalRequest);
        var signature = ComputeSignature(secretKey, stringToSign);
        var signedHeaders = string.Join(';', names);
        return new SdkHmacSha256Signature(
            canonicalRequest,
            stringToSign,
            signedHeaders,
            signature,
            AuthorizationHeaderValue(accessKey, signedHeaders, signature));
    }

    /// <summary><c>SDK-HMAC-SHA256\n{X-Sdk-Date}\n{lowerhex(SHA256(canonical request))}</c>.</summary>
    public static string StringToSign(string sdkDate, string canonicalRequest) =>
        $"{Algorithm}\n{sdkDate}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    /// <summary>Lower-case hex HMAC-SHA256 keyed with the secret key as is: this algorithm derives no signing key.</summary>
    public static string ComputeSignature(string secretKey, string stringToSign) =>
        Convert.ToHexStringLower(ComputeSignatureBytes(secretKey, stringToSign));

    public static string AuthorizationHeaderValue(string accessKey, string signedHeaders, string signature) =>
        $"{Algorithm} Access={accessKey}, SignedHeaders={signedHeaders}, Signature={signature}";

    internal static byte[] ComputeSignatureBytes(string secretKey, string stringToSign) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign));
}
