namespace Refinery.Api.Identity;

/// <summary>The IAM account (domain) a sign-in named; Refinery has no accounts, so it echoes the name it was given.</summary>
public sealed record IdentityDomain(string? Name);
