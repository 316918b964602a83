namespace Refinery.Storage;

/// <summary>What a listing says about one object.</summary>
public sealed record ObjectInfo(ObjectPath Path, long Length);
