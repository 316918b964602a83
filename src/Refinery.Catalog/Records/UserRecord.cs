namespace Refinery.Catalog.Records;

/// <summary>
/// A user who signs in with a password (<c>POST /v3/auth/tokens</c>) for tokens of one project. Only a slow salted
/// hash of the password is stored (see <c>PasswordHasher</c>), so a leaked catalog does not give the password away.
/// </summary>
public sealed class UserRecord
{
    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>The project the user's tokens are scoped to.</summary>
    public required string ProjectId { get; set; }

    public long CreateTime { get; set; }
}
