using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Refinery.Api.Errors;
using Refinery.Domain;

namespace Refinery.Api.WebConsole;

/// <summary>
/// Answers a console form posted without a valid antiforgery token (or any unsafe method sent to a page) with a
/// ModelArts error body, 400 <c>ModelArts.0101</c>, instead of MVC's empty 400: every refusal of this server reads alike.
/// </summary>
public sealed class AntiforgeryFailureFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = new ModelArtsErrorResult(ModelArtsErrors.InvalidArgument(
                "__RequestVerificationToken", "is missing or invalid: reload the console page and send its form again"));
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private sealed class ModelArtsErrorResult(ModelArtsException error) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => ErrorResponses.WriteAsync(context.HttpContext, error);
    }
}
