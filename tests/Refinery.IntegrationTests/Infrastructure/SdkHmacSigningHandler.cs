using Refinery.Api.Authentication;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>Signs every request with an AK/SK pair the way Huawei's SDKs do, so any client can speak AK/SK.</summary>
public sealed class SdkHmacSigningHandler(string accessKey, string secretKey) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new RequestHeaderMap();
        headers.Add("Host", request.RequestUri!.Authority);
        var date = SdkDate.ToHeaderValue(DateTimeOffset.UtcNow);
        headers.Add(SdkDate.HeaderName, date);
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers.Add("Content-Type", contentType.ToString());
        }

        var signature = SdkHmacSha256Signer.Sign(
            SignableRequest.FromRequestTarget(request.Method.Method, request.RequestUri.PathAndQuery, headers, SdkHmacSha256Canonicalizer.BodyHash(body)), accessKey, secretKey);
        request.Headers.TryAddWithoutValidation(SdkDate.HeaderName, date);
        request.Headers.TryAddWithoutValidation("Authorization", signature.AuthorizationHeaderValue);
        return await base.SendAsync(request, cancellationToken);
    }
}
