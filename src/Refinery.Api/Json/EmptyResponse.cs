namespace Refinery.Api.Json;

/// <summary>The <c>{}</c> that update, delete-task and stop answer with.</summary>
public sealed record EmptyResponse
{
    public static EmptyResponse Instance { get; } = new();
}
