using System.Text.Json.Serialization;

namespace Refinery.Api.Hosting;

/// <summary>Source-generated JSON for files the server writes beside its data.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ProjectCredentials))]
public sealed partial class HostingJsonContext : JsonSerializerContext;
