using System.Diagnostics.CodeAnalysis;

namespace Refinery.Api.Authentication;

/// <summary>The outcome of verifying an AK/SK-signed request: the access key that signed it, or why it was refused.</summary>
public sealed record SignatureVerificationResult
{
    private SignatureVerificationResult(string? accessKey, SignatureFailure? failure)
    {
        AccessKey = accessKey;
        Failure = failure;
    }

    /// <summary>The access key the request names; set on success, and on failure once the header could be parsed.</summary>
    public string? AccessKey { get; }

    public SignatureFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(AccessKey))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsVerified => Failure is null;

    public static SignatureVerificationResult Verified(string accessKey) => new(accessKey, null);

    public static SignatureVerificationResult Refused(SignatureFailure failure, string? accessKey = null) =>
        new(accessKey, failure);
}
