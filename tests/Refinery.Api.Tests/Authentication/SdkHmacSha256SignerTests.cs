using System.Security.Cryptography;
using System.Text;
using Refinery.Api.Authentication;

namespace Refinery.Api.Tests.Authentication;

public sealed class SdkHmacSha256SignerTests
{
    [Fact]
    public void Vector_A_reproduces_the_signing_guide_hash_signature_and_header()
    {
        var signature = SdkHmacSha256Signer.Sign(
            SigningVectors.RequestA(), SigningVectors.AccessKeyA, SigningVectors.SecretKeyA, SigningVectors.SignedHeadersA);

        Assert.Equal("b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a", Sha256Hex(signature.CanonicalRequest));
        Assert.Equal(
            "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
            signature.StringToSign);
        Assert.Equal("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe", signature.Signature);
        Assert.Equal(
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
            signature.AuthorizationHeaderValue);
    }

    [Fact]
    public void Vector_B_reproduces_the_canonical_request_hash_and_signature()
    {
        var signature = SdkHmacSha256Signer.Sign(
            SigningVectors.RequestB(), SigningVectors.AccessKeyBC, SigningVectors.SecretKeyBC, SigningVectors.SignedHeadersB);

        Assert.EndsWith("\n73c4095db0f649d73c776d567b24bfc8d32edd843b1e5f7246e04463f3422d21", signature.CanonicalRequest);
        Assert.Equal("ec5746b84fa98a9692365ff63a90d081118c21808f78403afce2917da75abbaa", Sha256Hex(signature.CanonicalRequest));
        Assert.Equal("314170130e669768bc00350579ddab0e7b38dd34b053d476e39e4f58ada73679", signature.Signature);
        Assert.Equal("content-type;host;x-project-id;x-sdk-date", signature.SignedHeaders);
    }

    [Fact]
    public void Vector_C_reproduces_the_canonical_request_hash_and_signature()
    {
        var signature = SdkHmacSha256Signer.Sign(
            SigningVectors.RequestC(), SigningVectors.AccessKeyBC, SigningVectors.SecretKeyBC, SigningVectors.SignedHeadersC);

        Assert.Equal("279d8b44a7035c2469d79de7b1746af4d14accab265f633ea289add02316be27", Sha256Hex(signature.CanonicalRequest));
        Assert.Equal("547c200c52afd7a6e93796f9b1b4497ecd1b0db043626f2af600fd0b5daf0560", signature.Signature);
    }

    [Fact]
    public void Without_a_header_list_every_header_but_authorization_is_signed()
    {
        var request = SigningVectors.RequestA();
        request.Headers.Add("Authorization", "stale");

        var signature = SdkHmacSha256Signer.Sign(request, SigningVectors.AccessKeyA, SigningVectors.SecretKeyA);

        Assert.Equal("content-type;host;x-sdk-date", signature.SignedHeaders);
        Assert.Equal("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe", signature.Signature);
    }

    [Fact]
    public void Declared_content_sha256_is_signed_in_place_of_the_body_hash()
    {
        var request = SigningVectors.RequestB();
        request.Headers.Add("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");

        var signature = SdkHmacSha256Signer.Sign(
            request, SigningVectors.AccessKeyBC, SigningVectors.SecretKeyBC, SigningVectors.SignedHeadersB);

        Assert.EndsWith("\nUNSIGNED-PAYLOAD", signature.CanonicalRequest);
    }

    [Fact]
    public void Signing_a_request_without_x_sdk_date_is_refused()
    {
        var undated = SigningVectors.RequestC() with
        {
            Headers = new RequestHeaderMap { { "Host", "modelarts.local.test" } },
        };

        Assert.Throws<ArgumentException>(() =>
            SdkHmacSha256Signer.Sign(undated, SigningVectors.AccessKeyBC, SigningVectors.SecretKeyBC));
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
