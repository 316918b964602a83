namespace Refinery.Api.Identity;

/// <summary>
/// What IAM says about a token: when it expires and was issued, how it was got, for which project and user. IAM's
/// <c>roles</c> and <c>catalog</c> are left out: a Refinery user may do everything in its project, and there is one
/// service, at the address the client already used.
/// </summary>
public sealed record TokenBody(string ExpiresAt, string IssuedAt, IReadOnlyList<string> Methods, TokenProject Project, TokenUser User);
