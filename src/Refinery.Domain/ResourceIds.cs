using System.Security.Cryptography;

namespace Refinery.Domain;

/// <summary>Makes the 19-character alphanumeric ids that tasks, versions and datasets carry.</summary>
public static class ResourceIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    public const int Length = 19;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>A 32 lower-case hex project id, the shape of an IAM project id.</summary>
    public static string NewProjectId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A 32 lower-case hex user id, the shape of an IAM user id.</summary>
    public static string NewUserId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
