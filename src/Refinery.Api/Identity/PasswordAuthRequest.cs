using System.Text.Json;
using Refinery.Domain;

namespace Refinery.Api.Identity;

/// <summary>
/// The parts of an IAM <c>auth</c> body Refinery reads: the password method's user name, password and domain name,
/// and the project scope. Throws a 400 <see cref="ModelArtsException"/> naming the field that is missing or wrong.
/// </summary>
public sealed record PasswordAuthRequest(string UserName, string Password, string? DomainName, ProjectSelector Scope)
{
    public static PasswordAuthRequest Read(JsonElement body)
    {
        var identity = Member(Member(body, "auth"), "identity");
        var methods = Member(identity, "methods");
        if (methods.ValueKind != JsonValueKind.Array || !methods.EnumerateArray().Any(method => method.ValueKind == JsonValueKind.String && method.GetString() == "password"))
        {
            throw Invalid("auth.identity.methods", "must list \"password\", the only method Refinery serves");
        }

        var user = Member(Member(identity, "password"), "user");
        var project = Member(Member(Member(body, "auth"), "scope"), "project");
        var scope = new ProjectSelector(OptionalString(project, "id"), OptionalString(project, "name"));
        if (scope.Id is null && scope.Name is null)
        {
            throw Invalid("auth.scope.project", "must give the project's id or name: Refinery issues project-scoped tokens only");
        }

        var domain = user.TryGetProperty("domain", out var domainElement) && domainElement.ValueKind == JsonValueKind.Object
            ? OptionalString(domainElement, "name")
            : null;
        return new PasswordAuthRequest(RequiredString(user, "name"), RequiredString(user, "password"), domain, scope);
    }

    private static JsonElement Member(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Invalid(name, "is required");

    private static string RequiredString(JsonElement parent, string name) =>
        OptionalString(parent, name) ?? throw Invalid($"user.{name}", "is required");

    private static string? OptionalString(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid(name, "must be a non-empty string");
    }

    private static ModelArtsException Invalid(string field, string rule) => ModelArtsErrors.InvalidArgument(field, rule);
}
