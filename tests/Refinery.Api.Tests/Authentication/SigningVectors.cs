using System.Text;
using Refinery.Api.Authentication;

namespace Refinery.Api.Tests.Authentication;

/// <summary>The test vectors of api.md §5.2, each as the request a client would send.</summary>
internal static class SigningVectors
{
    public const string AccessKeyA = "QTWAOYTTINDUT2QVKYUC";
    public const string SecretKeyA = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    public const string DateA = "20191115T033655Z";

    public const string AccessKeyBC = "TESTACCESSKEY0000000";
    public const string SecretKeyBC = "TESTSECRETKEY0000000000000000000000000000";
    public const string DateBC = "20240102T030405Z";

    public const string ProjectId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public const string BodyB = """{"name":"demo-task","template":{"id":"sys_data_validation"}}""";

    public static readonly string[] SignedHeadersA = ["content-type", "host", "x-sdk-date"];
    public static readonly string[] SignedHeadersB = ["content-type", "host", "x-project-id", "x-sdk-date"];
    public static readonly string[] SignedHeadersC = ["host", "x-sdk-date"];

    public static SignableRequest RequestA() => new(
        "GET",
        "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
        "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
        new RequestHeaderMap
        {
            { "Content-Type", "application/json" },
            { "Host", "service.region.example.com" },
            { "X-Sdk-Date", DateA },
        },
        SdkHmacSha256Canonicalizer.BodyHash([]));

    public static SignableRequest RequestB() => new(
        "POST",
        $"/v2/{ProjectId}/processor-tasks",
        string.Empty,
        new RequestHeaderMap
        {
            { "Content-Type", "application/json" },
            { "Host", "modelarts.local.test" },
            { "X-Project-Id", ProjectId },
            { "X-Sdk-Date", DateBC },
        },
        SdkHmacSha256Canonicalizer.BodyHash(Encoding.UTF8.GetBytes(BodyB)));

    public static SignableRequest RequestC() => new(
        "GET",
        $"/v2/{ProjectId}/processor-tasks",
        "task_name=my%20task&version_id=v1%2Cv2&task_type=sys_data_analyse&offset=0&limit=10",
        new RequestHeaderMap
        {
            { "Host", "modelarts.local.test" },
            { "X-Sdk-Date", DateBC },
        },
        SdkHmacSha256Canonicalizer.BodyHash([]));

    /// <summary>The request as it reaches the server: the client's headers plus its Authorization header.</summary>
    public static SignableRequest Signed(
        SignableRequest request, string accessKey, string secretKey, IEnumerable<string> signedHeaders)
    {
        var signature = SdkHmacSha256Signer.Sign(request, accessKey, secretKey, signedHeaders);
        var headers = request.Headers.With("Authorization", signature.AuthorizationHeaderValue);
        return request with { Headers = headers };
    }

    public static SignableRequest SignedA() => Signed(RequestA(), AccessKeyA, SecretKeyA, SignedHeadersA);

    public static SignableRequest SignedB() => Signed(RequestB(), AccessKeyBC, SecretKeyBC, SignedHeadersB);

    public static SignableRequest SignedC() => Signed(RequestC(), AccessKeyBC, SecretKeyBC, SignedHeadersC);

    public static DateTimeOffset Parse(string sdkDate) =>
        SdkDate.TryParse(sdkDate, out var time) ? time : throw new FormatException(sdkDate);

    public static string? FindSecretKey(string accessKey) => accessKey switch
    {
        AccessKeyA => SecretKeyA,
        AccessKeyBC => SecretKeyBC,
        _ => null,
    };
}
