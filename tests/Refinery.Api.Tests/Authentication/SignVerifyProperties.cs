using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Api.Authentication;

namespace Refinery.Api.Tests.Authentication;

public sealed class SignVerifyProperties
{
    private const string AccessKey = "PROPERTYACCESSKEY000";
    private const string SecretKey = "PROPERTYSECRETKEY00000000000000000000000";
    private static readonly DateTimeOffset _signedAt = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static readonly string[] _textPieces =
    [
        "a", "Z", "0", "-", "_", ".", "~", " ", "/", "?", "#", "[", "]", "@", "!", "$", "&", "'", "(", ")", "*", "+",
        ",", ";", "=", "%", "%41", "é", "日本", "😀", "\t", "\u0000",
    ];

    private static readonly Gen<string> _text =
        Gen.OneOf(Gen.Elements(_textPieces), Gen.Choose(0x20, 0xD7FF).Select(code => ((char)code).ToString()))
            .ArrayOf()
            .Select(string.Concat);

    private static readonly Gen<byte[]> _bytes = Gen.Choose(0, 255).Select(value => (byte)value).ArrayOf();

    private static readonly Gen<SigningCase> _cases =
        from method in Gen.Elements("GET", "POST", "PUT", "DELETE")
        from segments in _text.ArrayOf()
        from names in _text.ArrayOf()
        from values in _text.ArrayOf(names.Length)
        from body in _bytes
        select new SigningCase(method, segments, [.. names.Zip(values)], body);

    [Property(MaxTest = 300)]
    public Property Sign_then_verify_succeeds_for_any_path_query_and_body_however_the_server_sees_them_spelled() =>
        Prop.ForAll(Arb.From(_cases), signingCase =>
        {
            var signed = SdkHmacSha256Signer.Sign(signingCase.StrictlyEncoded(ClientHeaders()), AccessKey, SecretKey);
            var received = signingCase.LooselyEncoded(ClientHeaders());
            received.Headers.Add("Authorization", signed.AuthorizationHeaderValue);

            return Verifier().Verify(received).IsVerified;
        });

    [Property(MaxTest = 300)]
    public Property Verify_fails_when_any_byte_of_the_signed_body_changes() =>
        Prop.ForAll(Arb.From(BodyTampering()), tampering =>
        {
            var (signingCase, index, mask) = tampering;
            var request = signingCase.StrictlyEncoded(ClientHeaders());
            var signed = SdkHmacSha256Signer.Sign(request, AccessKey, SecretKey);
            var tamperedBody = signingCase.Body.ToArray();
            tamperedBody[index] ^= mask;
            var received = request with { BodyHash = SdkHmacSha256Canonicalizer.BodyHash(tamperedBody) };
            received.Headers.Add("Authorization", signed.AuthorizationHeaderValue);

            var result = Verifier().Verify(received);
            return !result.IsVerified && result.Failure.Reason == SignatureFailureReason.SignatureMismatch;
        });

    private static Gen<(SigningCase Case, int Index, byte Mask)> BodyTampering() =>
        from signingCase in _cases
        from body in _bytes.Where(body => body.Length > 0)
        from index in Gen.Choose(0, body.Length - 1)
        from mask in Gen.Choose(1, 255)
        select (signingCase with { Body = body }, index, (byte)mask);

    private static RequestHeaderMap ClientHeaders() => new()
    {
        { "Host", "modelarts.local.test" },
        { "Content-Type", "application/json" },
        { SdkDate.HeaderName, SdkDate.ToHeaderValue(_signedAt) },
    };

    private static InMemoryVerifier Verifier() =>
        new(accessKey => accessKey == AccessKey ? SecretKey : null, new FixedTimeProvider(_signedAt.AddMinutes(3)));
}
