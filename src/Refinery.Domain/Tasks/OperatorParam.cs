using System.Text.Json.Nodes;

namespace Refinery.Domain.Tasks;

/// <summary>One operator of a template with its <c>params</c> map.</summary>
public sealed record OperatorParam(
    string? Id = null,
    string? Name = null,
    bool? AdvancedParamsSwitch = null,
    JsonObject? Params = null);
