namespace Refinery.Catalog.Records;

/// <summary>
/// An installation secret kept in a shared catalog, so that every process of a distributed installation finds the
/// same one: the link-signing key and the key that encrypts AK/SK secret keys.
/// </summary>
public sealed class InstallationKeyRecord
{
    public required string Name { get; set; }

    public required byte[] Key { get; set; }
}
