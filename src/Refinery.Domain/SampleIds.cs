using System.Security.Cryptography;
using System.Text;

namespace Refinery.Domain;

/// <summary>ModelArts' sample id: the MD5 of the sample's OBS path, as 32 lower-case hex characters.</summary>
public static class SampleIds
{
    // MD5 names samples here (it is the documented id format); it protects nothing.
#pragma warning disable CA5351
    public static string ForSource(string source) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(source)));
#pragma warning restore CA5351
}
