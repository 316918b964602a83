using System.Text.Json.Serialization;
using Refinery.Domain;

namespace Refinery.Api.Identity;

/// <summary>Source-generated JSON for the IAM-compatible token route, snake_case like IAM.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(IamErrorResponse))]
public sealed partial class IdentityJsonContext : JsonSerializerContext
{
    /// <summary>The context with <see cref="WireJson"/>'s options; use it rather than <c>Default</c>.</summary>
    public static IdentityJsonContext Wire { get; } = new(WireJson.NewOptions());
}
