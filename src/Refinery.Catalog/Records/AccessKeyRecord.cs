namespace Refinery.Catalog.Records;

/// <summary>An AK/SK pair for <c>SDK-HMAC-SHA256</c> signed requests. The secret is needed in clear to verify HMACs.</summary>
public sealed class AccessKeyRecord
{
    public required string AccessKey { get; set; }

    public required string SecretKey { get; set; }

    public required string ProjectId { get; set; }

    public long CreateTime { get; set; }
}
