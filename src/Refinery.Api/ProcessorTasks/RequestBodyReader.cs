using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Refinery.Domain;

namespace Refinery.Api.ProcessorTasks;

/// <summary>Reads a request body as one JSON object, answering 4202 when empty and 4105 when it is not JSON.</summary>
public static class RequestBodyReader
{
    private static readonly JsonDocumentOptions _options = new() { MaxDepth = 32 };

    public static async Task<JsonDocument> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            throw ModelArtsErrors.EmptyBody();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), _options);
        }
        catch (JsonException error)
        {
            throw ModelArtsErrors.NotJson(error.Message);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw ModelArtsErrors.InvalidArgument("body", "must be a JSON object");
        }

        return document;
    }
}
