namespace Refinery.Api.Errors;

/// <summary>The ModelArts error body.</summary>
public sealed record ErrorBody(string ErrorCode, string ErrorMsg);
