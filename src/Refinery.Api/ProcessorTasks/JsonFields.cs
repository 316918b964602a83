using System.Text.Json;
using Refinery.Domain;

namespace Refinery.Api.ProcessorTasks;

/// <summary>Typed reads of request fields: a present field of the wrong JSON type is a 400 naming it and the type.</summary>
public static class JsonFields
{
    public static string? OptionalString(JsonElement parent, string name, string path) =>
        Get(parent, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw WrongType(path, "a string", value);

    public static string RequiredString(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) ?? throw ModelArtsErrors.InvalidArgument(path, "is required");

    public static bool? OptionalBool(JsonElement parent, string name, string path) =>
        Get(parent, name) is not { } value ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw WrongType(path, "a boolean", value);

    public static JsonElement? OptionalObject(JsonElement parent, string name, string path) =>
        Get(parent, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.Object ? value
        : throw WrongType(path, "an object", value);

    public static JsonElement? OptionalArray(JsonElement parent, string name, string path) =>
        Get(parent, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.Array ? value
        : throw WrongType(path, "an array", value);

    /// <summary>The member, or null when it is absent or JSON null (clients send both for "not given").</summary>
    private static JsonElement? Get(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static ModelArtsException WrongType(string path, string expected, JsonElement actual) =>
        ModelArtsErrors.InvalidArgument(path, $"must be {expected}, got a JSON {actual.ValueKind.ToString().ToLowerInvariant()}");
}
