namespace Refinery.Api.OpenApi;

/// <summary>What the OpenAPI description says about one route beyond what its handler's signature tells.</summary>
/// <param name="Tag">The group the reference page lists the operation under.</param>
/// <param name="Summary">One line, as the ModelArts API reference titles the operation.</param>
/// <param name="Response">The type whose schema the success body has; null for routes that answer without one.</param>
/// <param name="NotFoundCode">The ModelArts code of the 404 when a path id is unknown; null for routes without ids.</param>
/// <param name="RequestBody">The type whose schema the JSON request body has; null for routes without a body.</param>
public sealed record OperationDescription(
    string Tag, string Summary, Type? Response, string? NotFoundCode = null, Type? RequestBody = null)
{
    /// <summary>Longer text under the summary: what Refinery does where ModelArts leaves it open.</summary>
    public string? Description { get; init; }

    /// <summary>The status of success: 200, or 201 for the creations that ModelArts answers so.</summary>
    public int SuccessStatus { get; init; } = 200;

    /// <summary>The media type of the success body.</summary>
    public string ContentType { get; init; } = "application/json";
}
