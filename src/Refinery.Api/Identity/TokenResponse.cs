namespace Refinery.Api.Identity;

/// <summary>The body of IAM's token answer: <c>{"token":{…}}</c>.</summary>
public sealed record TokenResponse(TokenBody Token);
