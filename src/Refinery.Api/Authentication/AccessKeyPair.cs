namespace Refinery.Api.Authentication;

/// <summary>An AK/SK pair with its secret key in clear, as it is handed out once and used to verify signatures.</summary>
/// <param name="AccessKey">The public half, named in the <c>Authorization</c> header.</param>
/// <param name="SecretKey">The HMAC key; stored encrypted, held in clear only in memory.</param>
/// <param name="ProjectId">The project the key acts in.</param>
public sealed record AccessKeyPair(string AccessKey, string SecretKey, string ProjectId);
