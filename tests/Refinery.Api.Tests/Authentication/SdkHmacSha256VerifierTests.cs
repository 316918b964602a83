using System.Text;
using Refinery.Api.Authentication;

namespace Refinery.Api.Tests.Authentication;

public sealed class SdkHmacSha256VerifierTests
{
    private const string SignatureFailMessage = "Incorrect IAM authentication information: verify aksk signature fail";

    [Fact]
    public void Vector_A_is_accepted_at_its_date_with_its_access_key()
    {
        var result = VerifierAt(SigningVectors.DateA).Verify(SigningVectors.SignedA());

        Assert.True(result.IsVerified, result.Failure?.ErrorMessage);
        Assert.Equal(SigningVectors.AccessKeyA, result.AccessKey);
    }

    [Fact]
    public void Vector_A_is_accepted_from_the_literal_authorization_header_of_the_signing_guide()
    {
        var request = SigningVectors.RequestA();
        request.Headers.Add(
            "Authorization",
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");

        Assert.True(VerifierAt(SigningVectors.DateA).Verify(request).IsVerified);
    }

    [Fact]
    public void Vector_B_is_accepted_at_its_date()
    {
        var result = VerifierAt(SigningVectors.DateBC).Verify(SigningVectors.SignedB());

        Assert.True(result.IsVerified, result.Failure?.ErrorMessage);
        Assert.Equal(SigningVectors.AccessKeyBC, result.AccessKey);
    }

    [Fact]
    public void Vector_C_is_accepted_at_its_date()
    {
        var result = VerifierAt(SigningVectors.DateBC).Verify(SigningVectors.SignedC());

        Assert.True(result.IsVerified, result.Failure?.ErrorMessage);
    }

    [Fact]
    public void Authorization_without_spaces_after_the_commas_is_accepted()
    {
        var request = SigningVectors.SignedA();
        var compact = request.Headers["Authorization"][0].Replace(", ", ",", StringComparison.Ordinal);

        var result = VerifierAt(SigningVectors.DateA).Verify(request with { Headers = request.Headers.With("Authorization", compact) });

        Assert.True(result.IsVerified, result.Failure?.ErrorMessage);
    }

    [Fact]
    public void A_tampered_body_is_refused_as_a_signature_mismatch()
    {
        var request = SigningVectors.SignedB() with
        {
            BodyHash = SdkHmacSha256Canonicalizer.BodyHash(
                Encoding.UTF8.GetBytes(SigningVectors.BodyB.Replace("demo-task", "demo-tasx", StringComparison.Ordinal))),
        };

        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(request));

        Assert.Equal(SignatureFailureReason.SignatureMismatch, failure.Reason);
        Assert.Equal(401, failure.HttpStatus);
        Assert.Equal("APIGW.0301", failure.ErrorCode);
        Assert.Equal(SignatureFailMessage, failure.ErrorMessage);
    }

    [Fact]
    public void A_tampered_query_is_refused_as_a_signature_mismatch()
    {
        var request = SigningVectors.SignedC() with
        {
            RawQuery = SigningVectors.RequestC().RawQuery.Replace("limit=10", "limit=11", StringComparison.Ordinal),
        };

        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(request));

        Assert.Equal(SignatureFailureReason.SignatureMismatch, failure.Reason);
        Assert.Equal(SignatureFailMessage, failure.ErrorMessage);
    }

    [Fact]
    public void A_signature_made_with_the_wrong_secret_key_is_refused()
    {
        var request = SigningVectors.Signed(
            SigningVectors.RequestC(), SigningVectors.AccessKeyBC, "WRONGSECRETKEY", SigningVectors.SignedHeadersC);

        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(request));

        Assert.Equal(SignatureFailureReason.SignatureMismatch, failure.Reason);
        Assert.Equal("APIGW.0301", failure.ErrorCode);
    }

    [Fact]
    public void An_unknown_access_key_is_refused_because_its_secret_key_cannot_be_found()
    {
        var request = SigningVectors.Signed(
            SigningVectors.RequestC(), "UNKNOWNACCESSKEY", SigningVectors.SecretKeyBC, SigningVectors.SignedHeadersC);

        var result = VerifierAt(SigningVectors.DateBC).Verify(request);
        var failure = RefusalOf(result);

        Assert.Equal(SignatureFailureReason.UnknownAccessKey, failure.Reason);
        Assert.Equal("UNKNOWNACCESSKEY", result.AccessKey);
    }

    [Fact]
    public void An_unknown_access_key_is_answered_exactly_as_a_wrong_signature_so_access_keys_cannot_be_enumerated()
    {
        var unknownKey = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(SigningVectors.Signed(
            SigningVectors.RequestC(), "UNKNOWNACCESSKEY", SigningVectors.SecretKeyBC, SigningVectors.SignedHeadersC)));
        var wrongSecret = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(SigningVectors.Signed(
            SigningVectors.RequestC(), SigningVectors.AccessKeyBC, "WRONGSECRETKEY", SigningVectors.SignedHeadersC)));

        Assert.Equal(
            (wrongSecret.HttpStatus, wrongSecret.ErrorCode, wrongSecret.ErrorMessage),
            (unknownKey.HttpStatus, unknownKey.ErrorCode, unknownKey.ErrorMessage));
        Assert.Equal((401, "APIGW.0301", SignatureFailMessage), (unknownKey.HttpStatus, unknownKey.ErrorCode, unknownKey.ErrorMessage));
    }

    [Theory]
    [InlineData(-16)]
    [InlineData(16)]
    public void A_date_16_minutes_away_from_the_server_clock_is_refused(int minutes)
    {
        var verifier = new InMemoryVerifier(
            SigningVectors.FindSecretKey,
            new FixedTimeProvider(SigningVectors.Parse(SigningVectors.DateBC).AddMinutes(minutes)));

        var failure = RefusalOf(verifier.Verify(SigningVectors.SignedC()));

        Assert.Equal(SignatureFailureReason.DateOutOfRange, failure.Reason);
        Assert.Equal(401, failure.HttpStatus);
    }

    [Theory]
    [InlineData(-15)]
    [InlineData(15)]
    public void A_date_exactly_15_minutes_away_from_the_server_clock_is_accepted(int minutes)
    {
        var verifier = new InMemoryVerifier(
            SigningVectors.FindSecretKey,
            new FixedTimeProvider(SigningVectors.Parse(SigningVectors.DateBC).AddMinutes(minutes)));

        Assert.True(verifier.Verify(SigningVectors.SignedC()).IsVerified);
    }

    [Fact]
    public void A_signature_that_does_not_cover_x_sdk_date_is_refused()
    {
        var request = SigningVectors.SignedC();
        var undatedSignature = SdkHmacSha256Signer.AuthorizationHeaderValue(
            SigningVectors.AccessKeyBC, "host", new string('0', 64));

        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(
            request with { Headers = request.Headers.With("Authorization", undatedSignature) }));

        Assert.Equal(SignatureFailureReason.DateNotSigned, failure.Reason);
        Assert.Equal(401, failure.HttpStatus);
    }

    [Fact]
    public void A_missing_x_sdk_date_header_is_refused()
    {
        var signed = SigningVectors.SignedC();
        var headers = new RequestHeaderMap
        {
            { "Host", "modelarts.local.test" },
            { "Authorization", signed.Headers["Authorization"][0] },
        };

        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(signed with { Headers = headers }));

        Assert.Equal(SignatureFailureReason.InvalidDate, failure.Reason);
    }

    [Fact]
    public void An_x_sdk_date_that_is_not_in_basic_iso_form_is_refused()
    {
        var request = SigningVectors.SignedC();

        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(
            request with { Headers = request.Headers.With("X-Sdk-Date", "2024-01-02T03:04:05Z") }));

        Assert.Equal(SignatureFailureReason.InvalidDate, failure.Reason);
        Assert.Equal(401, failure.HttpStatus);
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("SDK-HMAC-SHA256")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, Access=AK2, SignedHeaders=host;x-sdk-date, Signature=00")]
    [InlineData("SDK-HMAC-SHA256 Access=, SignedHeaders=host;x-sdk-date, Signature=00")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;;x-sdk-date, Signature=00")]
    [InlineData("SDK-HMAC-SHA256 Access AK SignedHeaders host Signature 00")]
    public void A_malformed_authorization_header_is_refused(string authorization)
    {
        var request = SigningVectors.SignedC();

        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(
            request with { Headers = request.Headers.With("Authorization", authorization) }));

        Assert.Equal(SignatureFailureReason.MalformedAuthorization, failure.Reason);
        Assert.Equal(401, failure.HttpStatus);
        Assert.Equal("APIGW.0301", failure.ErrorCode);
    }

    [Fact]
    public void A_request_without_authorization_is_refused()
    {
        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(SigningVectors.RequestC()));

        Assert.Equal(SignatureFailureReason.MissingAuthorization, failure.Reason);
    }

    [Fact]
    public void A_signed_header_that_is_missing_from_the_request_is_refused()
    {
        var signed = SigningVectors.SignedB();
        var headers = new RequestHeaderMap();
        foreach (var (name, values) in signed.Headers)
        {
            if (!name.Equals("X-Project-Id", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(name, values[0]);
            }
        }

        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(signed with { Headers = headers }));

        Assert.Equal(SignatureFailureReason.SignedHeaderMissing, failure.Reason);
    }

    [Fact]
    public void A_host_signed_without_its_port_is_accepted_when_the_request_arrives_with_the_port()
    {
        var request = SigningVectors.SignedC();

        var result = VerifierAt(SigningVectors.DateBC).Verify(
            request with { Headers = request.Headers.With("Host", "modelarts.local.test:8443") });

        Assert.True(result.IsVerified, result.Failure?.ErrorMessage);
    }

    [Fact]
    public void A_host_signed_with_its_port_is_accepted()
    {
        var unsigned = SigningVectors.RequestC();
        unsigned.Headers.Set("Host", "modelarts.local.test:8443");
        var request = SigningVectors.Signed(
            unsigned, SigningVectors.AccessKeyBC, SigningVectors.SecretKeyBC, SigningVectors.SignedHeadersC);

        Assert.True(VerifierAt(SigningVectors.DateBC).Verify(request).IsVerified);
    }

    [Fact]
    public void A_different_host_is_refused_even_with_a_port()
    {
        var request = SigningVectors.SignedC();

        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(
            request with { Headers = request.Headers.With("Host", "evil.test:8443") }));

        Assert.Equal(SignatureFailureReason.SignatureMismatch, failure.Reason);
    }

    [Fact]
    public void Unsigned_payload_declared_by_the_client_is_accepted_whatever_the_body()
    {
        var unsigned = SigningVectors.RequestB();
        unsigned.Headers.Add("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
        var request = SigningVectors.Signed(
            unsigned, SigningVectors.AccessKeyBC, SigningVectors.SecretKeyBC, SigningVectors.SignedHeadersB);

        var result = VerifierAt(SigningVectors.DateBC).Verify(request with { BodyHash = SdkHmacSha256Canonicalizer.BodyHash("{}"u8) });

        Assert.True(result.IsVerified, result.Failure?.ErrorMessage);
    }

    [Fact]
    public void A_declared_content_sha256_that_the_body_does_not_have_is_refused()
    {
        var unsigned = SigningVectors.RequestB();
        unsigned.Headers.Add("X-Sdk-Content-Sha256", unsigned.BodyHash!);
        var request = SigningVectors.Signed(
            unsigned, SigningVectors.AccessKeyBC, SigningVectors.SecretKeyBC, SigningVectors.SignedHeadersB);

        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(request with { BodyHash = SdkHmacSha256Canonicalizer.BodyHash("{}"u8) }));

        Assert.Equal(SignatureFailureReason.ContentHashMismatch, failure.Reason);
        Assert.Equal(SignatureFailMessage, failure.ErrorMessage);
    }

    [Fact]
    public void A_signature_that_is_not_hex_is_refused_as_a_mismatch()
    {
        var request = SigningVectors.SignedC();
        var notHex = SdkHmacSha256Signer.AuthorizationHeaderValue(
            SigningVectors.AccessKeyBC, "host;x-sdk-date", new string('z', 64));

        var failure = RefusalOf(VerifierAt(SigningVectors.DateBC).Verify(
            request with { Headers = request.Headers.With("Authorization", notHex) }));

        Assert.Equal(SignatureFailureReason.SignatureMismatch, failure.Reason);
    }

    private static InMemoryVerifier VerifierAt(string sdkDate) =>
        new(SigningVectors.FindSecretKey, new FixedTimeProvider(SigningVectors.Parse(sdkDate)));

    private static SignatureFailure RefusalOf(InMemoryVerifier.Outcome result)
    {
        Assert.False(result.IsVerified, "The request was accepted.");
        return result.Failure;
    }
}
