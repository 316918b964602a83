using System.Text.Json;

namespace Refinery.Api.WebConsole;

/// <summary>Reads a result's stored <c>result_description</c>: an array of one-string arrays, as ModelArts shapes it.</summary>
public static class ResultDescription
{
    public static IReadOnlyList<string> Lines(string descriptionJson)
    {
        using var description = JsonDocument.Parse(descriptionJson);
        return [.. description.RootElement.EnumerateArray().SelectMany(static line => line.EnumerateArray()).Select(static text => text.GetString() ?? "")];
    }
}
