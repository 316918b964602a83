namespace Refinery.Api.SignedLinks;

/// <summary>The query parameters of a <c>/signed/{bucket}/{**key}</c> link.</summary>
public static class SignedLinkQuery
{
    /// <summary>The route prefix; links are not under <c>/v2</c> because the signature, not a token, is the credential.</summary>
    public const string RoutePrefix = "/signed";

    /// <summary>Unix time in seconds after which the link is refused.</summary>
    public const string Expires = "expires";

    /// <summary>Lowercase hex HMAC-SHA256 of the grant (see <see cref="SignedLinkSigner"/>).</summary>
    public const string Signature = "signature";

    /// <summary>The optional image processing, in OBS syntax.</summary>
    public const string Process = "process";
}
