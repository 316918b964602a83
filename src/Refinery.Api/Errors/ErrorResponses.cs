using Microsoft.AspNetCore.Http;
using Refinery.Api.Json;
using Refinery.Domain;

namespace Refinery.Api.Errors;

/// <summary>Writes ModelArts error bodies.</summary>
public static class ErrorResponses
{
    public static Task WriteAsync(HttpContext context, ModelArtsException error) =>
        WriteAsync(context, error.HttpStatus, error.ErrorCode, error.Message);

    public static async Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await System.Text.Json.JsonSerializer.SerializeAsync(
            context.Response.Body, new ErrorBody(code, message), ApiJsonContext.Wire.ErrorBody, context.RequestAborted);
    }
}
