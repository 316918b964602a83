namespace Refinery.Api.Identity;

/// <summary>The inside of IAM's error body: the HTTP status, its reason phrase and what went wrong.</summary>
public sealed record IamError(int Code, string Title, string Message);
