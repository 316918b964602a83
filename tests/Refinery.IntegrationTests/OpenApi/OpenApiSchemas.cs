using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Refinery.IntegrationTests.OpenApi;

/// <summary>
/// The schemas of a served OpenAPI document made into standalone JSON Schemas, closed so that a response with a field
/// the description lacks fails as surely as one missing a field.
/// </summary>
public sealed class OpenApiSchemas(JsonNode document)
{
    private const string ComponentPrefix = "#/components/schemas/";

    public JsonNode Document => document;

    /// <summary>The operation at a path and method, failing the test when the document lacks it.</summary>
    public JsonNode Operation(string path, string method) =>
        document["paths"]?[path]?[method.ToLowerInvariant()] ?? throw new Xunit.Sdk.XunitException($"{method} {path} is not in the OpenAPI document");

    /// <summary>Checks a response body against the schema the document gives that operation's status; returns what failed.</summary>
    public IReadOnlyList<string> Check(string path, string method, int status, string body)
    {
        var schema = Operation(path, method)["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"]
            ?? throw new Xunit.Sdk.XunitException($"{method} {path} describes no JSON body for {status}");
        var standalone = Prepared(schema.DeepClone())!.AsObject();
        standalone["$defs"] = new JsonObject(document["components"]!["schemas"]!.AsObject()
            .Select(pair => KeyValuePair.Create(pair.Key, Prepared(pair.Value!.DeepClone()))));
        var evaluated = JsonSchema.FromText(standalone.ToJsonString(), baseUri: new Uri($"https://schemas.test/{Guid.NewGuid():N}"))
            .Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return evaluated.IsValid
            ? []
            : [.. (evaluated.Details ?? []).Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key} {error.Value}"))];
    }

    /// <summary>
    /// The schema with its component references pointed at <c>$defs</c>, where the standalone schema keeps them, and
    /// every object schema that lists its properties made to refuse others.
    /// </summary>
    private static JsonNode? Prepared(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["$ref"]?.GetValue<string>() is { } target && target.StartsWith(ComponentPrefix, StringComparison.Ordinal))
            {
                obj["$ref"] = "#/$defs/" + target[ComponentPrefix.Length..];
            }

            if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties"))
            {
                obj["additionalProperties"] = false;
            }
        }

        var children = node switch
        {
            JsonObject parent => parent.Select(pair => pair.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            Prepared(child);
        }

        return node;
    }
}
