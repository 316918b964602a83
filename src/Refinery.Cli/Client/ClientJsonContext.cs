using System.Text.Json.Serialization;

namespace Refinery.Cli.Client;

/// <summary>Source-generated JSON for the client's own config file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ClientConfig))]
public sealed partial class ClientJsonContext : JsonSerializerContext;
