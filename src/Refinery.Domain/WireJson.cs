using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Refinery.Domain;

/// <summary>
/// The JSON of the wire and of the catalog's JSON columns: snake_case, absent values omitted, and text in plain
/// UTF-8 — <c>数据校验</c> and <c>don't</c> as ModelArts writes them, not <c>\u6570…</c> and <c>don\u0027t</c>.
/// </summary>
public static class WireJson
{
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = Encoder };

    /// <summary>For <c>JsonNode.ToJsonString</c> of JSON the catalog stores and serves as it is (analysis results).</summary>
    public static JsonSerializerOptions NodeOptions { get; } = NewOptions();

    /// <summary>Fresh options for one source-generated context (options are bound to the context that uses them).</summary>
    public static JsonSerializerOptions NewOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = Encoder,
    };
}
