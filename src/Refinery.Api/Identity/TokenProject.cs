namespace Refinery.Api.Identity;

/// <summary>The project a token is scoped to.</summary>
public sealed record TokenProject(string Id, string Name, IdentityDomain Domain);
