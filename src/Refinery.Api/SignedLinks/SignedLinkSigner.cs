using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Refinery.Api.Hosting;

namespace Refinery.Api.SignedLinks;

/// <summary>
/// HMAC-SHA256 signatures over what a <c>/signed</c> link grants: bucket, key, expiry and image processing.
/// Fields are joined by '\n', which no bucket, key or process parameter may contain, so no two grants sign alike.
/// </summary>
public sealed class SignedLinkSigner(byte[] key)
{
    private readonly byte[] _key = key.Length == KeyFile.Length
        ? [.. key]
        : throw new ArgumentException($"A signing key is {KeyFile.Length} bytes, got {key.Length}.", nameof(key));

    /// <summary>The signature as lowercase hex.</summary>
    public string Sign(string bucket, string objectKey, long expires, string? process) =>
        Convert.ToHexStringLower(Compute(bucket, objectKey, expires, process));

    /// <summary>Whether <paramref name="signature"/> is the hex signature of the grant, compared in constant time.</summary>
    public bool Verify(string bucket, string objectKey, long expires, string? process, string signature)
    {
        var expected = Compute(bucket, objectKey, expires, process);
        if (signature.Length != expected.Length * 2)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[expected.Length];
        return Convert.FromHexString(signature, given, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private byte[] Compute(string bucket, string objectKey, long expires, string? process)
    {
        var grant = string.Join('\n', bucket, objectKey, expires.ToString(CultureInfo.InvariantCulture), process ?? "");
        return HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(grant));
    }
}
