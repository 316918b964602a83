using System.Diagnostics.CodeAnalysis;
using Refinery.Api.Authentication;

namespace Refinery.Api.Tests.Authentication;

/// <summary>Both steps of <see cref="SdkHmacSha256Verifier"/> over a request held in memory, in the server's order.</summary>
internal sealed class InMemoryVerifier(Func<string, string?> findSecretKey, TimeProvider clock)
{
    private readonly SdkHmacSha256Verifier _verifier = new(clock);

    public Outcome Verify(SignableRequest request)
    {
        if (!_verifier.TryAcceptHeaders(request.Headers, out var authorization, out var failure))
        {
            return new Outcome(failure, AccessKey: null);
        }

        var result = SdkHmacSha256Verifier.VerifySignature(request, authorization, findSecretKey(authorization.AccessKey));
        return new Outcome(result.Failure, result.AccessKey);
    }

    /// <summary>Why the request was refused (null when verified), and the access key once the headers were accepted.</summary>
    public sealed record Outcome(SignatureFailure? Failure, string? AccessKey)
    {
        [MemberNotNullWhen(false, nameof(Failure))]
        public bool IsVerified => Failure is null;
    }
}
