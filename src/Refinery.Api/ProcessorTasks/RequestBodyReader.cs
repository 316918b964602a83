using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Refinery.Domain;

namespace Refinery.Api.ProcessorTasks;

/// <summary>
/// Reads a request body as one JSON object, answering 4202 when empty, 4105 when it is not UTF-8 JSON (saying where)
/// and 0101 when an object names a key twice.
/// </summary>
public static class RequestBodyReader
{
    private const int MaxDepth = 32;
    private static readonly JsonDocumentOptions _options = new() { MaxDepth = MaxDepth };

    public static async Task<JsonDocument> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            throw ModelArtsErrors.EmptyBody();
        }

        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        StrictJsonScanner.Check(body.Span, MaxDepth);
        var document = JsonDocument.Parse(body, _options);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw ModelArtsErrors.InvalidArgument("body", "must be a JSON object");
        }

        return document;
    }
}
