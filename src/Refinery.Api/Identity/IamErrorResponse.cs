namespace Refinery.Api.Identity;

/// <summary>IAM's error body: <c>{"error":{"code":401,"title":"Unauthorized","message":"…"}}</c>.</summary>
public sealed record IamErrorResponse(IamError Error);
