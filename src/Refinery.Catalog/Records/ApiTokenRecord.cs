namespace Refinery.Catalog.Records;

/// <summary>An <c>X-Auth-Token</c> credential. Only its SHA-256 is stored, so a leaked catalog leaks no tokens.</summary>
public sealed class ApiTokenRecord
{
    public required string TokenHash { get; set; }

    public required string ProjectId { get; set; }

    public long CreateTime { get; set; }

    /// <summary>Epoch milliseconds after which the token is refused; null for tokens that do not expire.</summary>
    public long? ExpiresAt { get; set; }
}
