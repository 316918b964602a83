using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Refinery.Domain;
using Refinery.Storage.S3;

namespace Refinery.Api.Errors;

/// <summary>
/// Turns every failure into a ModelArts error body: a <see cref="ModelArtsException"/> with its own status and code,
/// a bare 404/405 from routing into <c>ModelArts.4204</c>, anything unexpected into a logged 500 <c>ModelArts.0010</c>.
/// </summary>
public sealed class ModelArtsErrorMiddleware(RequestDelegate next, ILogger<ModelArtsErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response is { HasStarted: false, StatusCode: StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed })
            {
                await ErrorResponses.WriteAsync(context, ModelArtsErrors.UnknownRoute($"{context.Request.Method} {context.Request.Path}"));
            }
        }
        catch (ModelArtsException error) when (!context.Response.HasStarted)
        {
            await ErrorResponses.WriteAsync(context, error);
        }
        catch (S3StoreException error) when (!context.Response.HasStarted)
        {
            // The request was fine; the object store behind a bucket was not (unreachable, refusing, missing bucket).
            await ErrorResponses.WriteAsync(context, 400, "ModelArts.4314", $"OBS access error: {error.Message}");
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            await ErrorResponses.WriteAsync(context, error.StatusCode, "ModelArts.0101", error.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            logger.LogError(error, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await ErrorResponses.WriteAsync(context, ModelArtsErrors.Internal("the server could not complete the request; see its log"));
        }
    }
}
