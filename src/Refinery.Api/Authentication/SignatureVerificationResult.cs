using System.Diagnostics.CodeAnalysis;

namespace Refinery.Api.Authentication;

/// <summary>The outcome of checking the signature of a request whose headers were accepted: verified, or why not.</summary>
public sealed record SignatureVerificationResult
{
    private SignatureVerificationResult(string accessKey, SignatureFailure? failure)
    {
        AccessKey = accessKey;
        Failure = failure;
    }

    /// <summary>The access key the request names.</summary>
    public string AccessKey { get; }

    public SignatureFailure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsVerified => Failure is null;

    public static SignatureVerificationResult Verified(string accessKey) => new(accessKey, null);

    public static SignatureVerificationResult Refused(SignatureFailure failure, string accessKey) => new(accessKey, failure);
}
