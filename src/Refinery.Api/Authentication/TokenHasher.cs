using System.Security.Cryptography;
using System.Text;

namespace Refinery.Api.Authentication;

/// <summary>Tokens are stored and looked up by their SHA-256, never in clear.</summary>
public static class TokenHasher
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new random token: 32 bytes, URL-safe base64.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
