using System.Text.Json.Serialization;

namespace Refinery.Engine.Reducing;

/// <summary>Source-generated JSON for <c>result_description</c>: an array of string arrays, as ModelArts shows it.</summary>
[JsonSerializable(typeof(string[][]))]
public sealed partial class ResultJsonContext : JsonSerializerContext;
