namespace Refinery.Api.OpenApi.Schemas;

/// <summary>IAM's <c>POST /v3/auth/tokens</c> body for the password method, for the OpenAPI description.</summary>
public sealed record PasswordAuthBody(PasswordAuthBody.PasswordAuth Auth)
{
    /// <summary>The <c>auth</c> member: who signs in and for which project.</summary>
    public sealed record PasswordAuth(PasswordIdentity Identity, PasswordScope Scope);

    /// <summary>The <c>identity</c> member: <c>methods</c> must list <c>password</c>.</summary>
    public sealed record PasswordIdentity(IReadOnlyList<string> Methods, PasswordMethod Password);

    /// <summary>The <c>password</c> member.</summary>
    public sealed record PasswordMethod(PasswordUser User);

    /// <summary>The user, the password and the account (domain) the user belongs to.</summary>
    public sealed record PasswordUser(string Name, string Password, DomainName? Domain);

    /// <summary>A domain named by its name; Refinery has no accounts and does not check it.</summary>
    public sealed record DomainName(string Name);

    /// <summary>The <c>scope</c> member: Refinery issues project-scoped tokens only.</summary>
    public sealed record PasswordScope(ScopedProject Project);

    /// <summary>The project, by id or by name.</summary>
    public sealed record ScopedProject(string? Id, string? Name);
}
