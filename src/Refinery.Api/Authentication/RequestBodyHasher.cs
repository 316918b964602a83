using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Refinery.Api.Authentication;

/// <summary>
/// Reads a request body once, hashing it as it streams in while keeping it for the endpoint, then rewinds it. The
/// kept copy is the only one: small bodies stay in pooled memory, larger ones go to a temporary file, so a signed
/// 12 MB upload costs the server a file, not 12 MB of memory per request in flight.
/// </summary>
public static class RequestBodyHasher
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// The lower-case hex SHA-256 of the body. Kestrel's request size limit applies while reading: a body over it
    /// throws <see cref="BadHttpRequestException"/> (413) before it is ever held whole.
    /// </summary>
    public static async Task<string> HashAndRewindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                hash.AppendData(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
