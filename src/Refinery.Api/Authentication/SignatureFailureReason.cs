namespace Refinery.Api.Authentication;

/// <summary>Why an AK/SK-signed request was refused.</summary>
public enum SignatureFailureReason
{
    /// <summary>No <c>Authorization</c> header, or more than one.</summary>
    MissingAuthorization,

    /// <summary>The <c>Authorization</c> header is not <c>SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…</c>.</summary>
    MalformedAuthorization,

    /// <summary><c>x-sdk-date</c> is not among the signed headers, so the signature could be replayed at any time.</summary>
    DateNotSigned,

    /// <summary><c>X-Sdk-Date</c> is missing, repeated or not in <c>yyyyMMddTHHmmssZ</c> form.</summary>
    InvalidDate,

    /// <summary><c>X-Sdk-Date</c> is further from the server's clock than the allowed skew.</summary>
    DateOutOfRange,

    /// <summary>No secret key is known for the access key.</summary>
    UnknownAccessKey,

    /// <summary>A header listed in <c>SignedHeaders</c> is not in the request.</summary>
    SignedHeaderMissing,

    /// <summary><c>X-Sdk-Content-Sha256</c> declares a body hash that the body does not have.</summary>
    ContentHashMismatch,

    /// <summary>The signature does not match the request.</summary>
    SignatureMismatch,
}
