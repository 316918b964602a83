using Refinery.Catalog.Records;

namespace Refinery.Api.Identity;

/// <summary>A token just issued by a password sign-in, in clear (the only time it is seen), with what it is for.</summary>
public sealed record IssuedToken(string Token, UserRecord User, ProjectRecord Project, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
