using System.Text;
using Refinery.Api.Authentication;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>Requests signed with an AK/SK pair the way Huawei's SDKs sign them, sent without a token.</summary>
public static class SignedRequests
{
    /// <param name="http">A client with a base address and no token.</param>
    /// <param name="unsignedPayload">Declare <c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c> instead of signing the body.</param>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpMethod method, string target, string? body, string accessKey, string secretKey, bool unsignedPayload = false)
    {
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var headers = new RequestHeaderMap();
        headers.Add("Host", http.BaseAddress!.Authority);
        headers.Add(SdkDate.HeaderName, SdkDate.ToHeaderValue(DateTimeOffset.UtcNow));
        if (body is not null)
        {
            headers.Add("Content-Type", "application/json");
        }

        if (unsignedPayload)
        {
            headers.Add(SdkHmacSha256Canonicalizer.ContentSha256HeaderName, SdkHmacSha256Canonicalizer.UnsignedPayload);
        }

        var signature = SdkHmacSha256Signer.Sign(
            SignableRequest.FromRequestTarget(method.Method, target, headers, SdkHmacSha256Canonicalizer.BodyHash(bytes)), accessKey, secretKey);
        using var request = new HttpRequestMessage(method, target);
        foreach (var (name, values) in headers)
        {
            if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, values[0]);
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.AuthorizationHeaderValue);
        request.Headers.ExpectContinue = true; // as curl does for large bodies: a refusal arrives before the upload
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        return await http.SendAsync(request);
    }
}
