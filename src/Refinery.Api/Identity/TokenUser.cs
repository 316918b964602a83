namespace Refinery.Api.Identity;

/// <summary>The user a token was issued to.</summary>
public sealed record TokenUser(string Id, string Name, IdentityDomain Domain);
