namespace Refinery.Catalog.Records;

/// <summary>
/// An AK/SK pair for <c>SDK-HMAC-SHA256</c> signed requests. HMACs are verified with the secret itself, so it is stored
/// encrypted rather than hashed; catalogs from before encryption hold it in clear until the next start encrypts it.
/// </summary>
public sealed class AccessKeyRecord
{
    public required string AccessKey { get; set; }

    public required string SecretKey { get; set; }

    public required string ProjectId { get; set; }

    public long CreateTime { get; set; }
}
