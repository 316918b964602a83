using System.Net;
using System.Text.Json.Nodes;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>What the server answered: status, raw body and the body parsed as JSON (null when empty).</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Raw, JsonNode? Body)
{
    public string ErrorCode => Body?["error_code"]?.GetValue<string>() ?? "";

    public string ErrorMessage => Body?["error_msg"]?.GetValue<string>() ?? "";

    public JsonNode Json => Body ?? throw new InvalidOperationException($"Empty body with status {(int)Status}.");
}
