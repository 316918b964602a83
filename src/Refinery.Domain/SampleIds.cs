using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Refinery.Domain;

/// <summary>ModelArts' sample id: the MD5 of the sample's OBS path, as 32 lower-case hex characters.</summary>
public static class SampleIds
{
    public static string ForSource(string source) => Convert.ToHexStringLower(DigestBytes(source));

    /// <summary>The id's 16 bytes as one number: what a planner keeps per sample to recognise a second listing.</summary>
    public static UInt128 DigestOf(string source) => BinaryPrimitives.ReadUInt128BigEndian(DigestBytes(source));

    /// <summary>The id that <see cref="DigestOf"/> stands for, in its hex form.</summary>
    public static string ToId(UInt128 digest)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, digest);
        return Convert.ToHexStringLower(bytes);
    }

    // MD5 names samples here (it is the documented id format); it protects nothing.
#pragma warning disable CA5351
    private static byte[] DigestBytes(string source) => MD5.HashData(Encoding.UTF8.GetBytes(source));
#pragma warning restore CA5351
}
