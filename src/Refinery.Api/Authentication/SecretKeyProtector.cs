using System.Security.Cryptography;
using System.Text;

namespace Refinery.Api.Authentication;

/// <summary>
/// Encrypts AK/SK secret keys for the catalog with AES-256-GCM under the installation's catalog key, so that a copy of
/// the catalog alone gives no secret key away. HMAC verification needs the secret itself, so it cannot be hashed the
/// way tokens are.
/// </summary>
public sealed class SecretKeyProtector
{
    /// <summary>Marks a protected value; clear-text secret keys (letters and digits only) never contain a colon.</summary>
    private const string Prefix = "aes-gcm:";

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key;

    /// <param name="key">A 32-byte AES-256 key.</param>
    public SecretKeyProtector(byte[] key)
    {
        _key = key.Length == 32
            ? key
            : throw new ArgumentException($"An AES-256 key is 32 bytes, got {key.Length}.", nameof(key));
    }

    /// <summary>True when <paramref name="stored"/> was written by <see cref="Protect"/>, false for a clear-text secret key.</summary>
    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// <c>aes-gcm:</c> and the base64 of nonce, ciphertext and tag. The access key is the associated data: a protected
    /// value copied onto another row does not decrypt there.
    /// </summary>
    public string Protect(string accessKey, string secretKey)
    {
        var plaintext = Encoding.UTF8.GetBytes(secretKey);
        var sealedBytes = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(
            nonce,
            plaintext,
            sealedBytes.AsSpan(NonceBytes, plaintext.Length),
            sealedBytes.AsSpan(NonceBytes + plaintext.Length),
            Encoding.UTF8.GetBytes(accessKey));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The secret key in clear.</summary>
    /// <exception cref="CryptographicException">
    /// The value is not one this key protected for this access key (another installation's catalog key, or altered).
    /// </exception>
    public string Unprotect(string accessKey, string stored)
    {
        if (!IsProtected(stored))
        {
            throw new CryptographicException($"The secret key of access key {accessKey} is not encrypted in the catalog.");
        }

        var sealedBytes = new byte[stored.Length];
        if (!Convert.TryFromBase64String(stored[Prefix.Length..], sealedBytes, out var length)
            || length < NonceBytes + TagBytes)
        {
            throw new CryptographicException($"The secret key of access key {accessKey} is damaged in the catalog.");
        }

        sealedBytes = sealedBytes[..length];
        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(
            sealedBytes.AsSpan(0, NonceBytes),
            sealedBytes.AsSpan(NonceBytes, plaintext.Length),
            sealedBytes.AsSpan(NonceBytes + plaintext.Length),
            plaintext,
            Encoding.UTF8.GetBytes(accessKey));
        return Encoding.UTF8.GetString(plaintext);
    }
}
