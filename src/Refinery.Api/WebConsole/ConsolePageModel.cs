using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Authentication;
using Refinery.Api.WebConsole.Session;
using Refinery.Domain;

namespace Refinery.Api.WebConsole;

/// <summary>
/// A console page that needs a signed-in project. The cookie's token is checked on every request exactly as the API
/// checks <c>X-Auth-Token</c> (unknown or expired: signed out), and the page reads and writes only
/// <see cref="ProjectId"/>'s objects, so the console can show no more than the token could fetch through the API.
/// </summary>
public abstract class ConsolePageModel : PageModel
{
    /// <summary>The project the signed-in token belongs to.</summary>
    public string ProjectId { get; private set; } = "";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var session = HttpContext.RequestServices.GetRequiredService<ConsoleSessionCookie>().Read(Request);
        var credentials = HttpContext.RequestServices.GetRequiredService<CredentialStore>();
        if (session is null || await credentials.ProjectOfTokenAsync(session.Token, HttpContext.RequestAborted) != session.ProjectId)
        {
            context.Result = SignInFirst();
            return;
        }

        ProjectId = session.ProjectId;
        var executed = await next();
        if (executed.Exception is ModelArtsException error && !executed.ExceptionHandled)
        {
            // A missing task or version is a page that says so, not the API's JSON error body.
            executed.ExceptionHandled = true;
            executed.Result = new ContentResult
            {
                StatusCode = error.HttpStatus,
                ContentType = "text/html; charset=utf-8",
                Content = $"<!doctype html><title>Refinery</title><p>{WebUtility.HtmlEncode(error.Message)}</p><p><a href=\"{ConsoleRoutes.Root}\">Tasks</a></p>",
            };
        }
    }

    private IActionResult SignInFirst()
    {
        var target = $"{ConsoleRoutes.SignIn}?return_url={Uri.EscapeDataString(Request.Path + Request.QueryString)}";
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            // An htmx poll would swap the sign-in page into a table cell; this makes the browser go there instead.
            Response.Headers["HX-Redirect"] = target;
            return new StatusCodeResult(StatusCodes.Status204NoContent);
        }

        return Redirect(target);
    }
}
