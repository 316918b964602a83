using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Refinery.Api.Authentication;
using Refinery.Api.WebConsole;
using Refinery.Api.WebConsole.Session;

namespace Refinery.Api.Pages.WebConsole;

/// <summary>Signs in to the console with a project id and a token, checked as the API checks <c>X-Auth-Token</c>.</summary>
public sealed class SignInModel(CredentialStore credentials, ConsoleSessionCookie cookie) : PageModel
{
    [BindProperty(Name = "project_id")]
    public string ProjectIdInput { get; set; } = "";

    [BindProperty(Name = "token")]
    public string Token { get; set; } = "";

    [BindProperty(Name = "return_url", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var project = Token.Length == 0 ? null : await credentials.ProjectOfTokenAsync(Token, cancellationToken);
        if (project is null || project != ProjectIdInput.Trim())
        {
            // One message for both: which of a guessed token and a guessed project was wrong is not for strangers.
            Error = "The token is invalid or expired, or it is not a token of this project.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        cookie.Write(Response, new ConsoleSession(project, Token));
        return LocalRedirect(SafeReturnUrl());
    }

    public IActionResult OnPostSignOut()
    {
        ConsoleSessionCookie.Delete(Response);
        return LocalRedirect(ConsoleRoutes.SignIn);
    }

    /// <summary>Only a console address: a link crafted elsewhere must not send a fresh session to another site.</summary>
    private string SafeReturnUrl() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(ConsoleRoutes.Root, StringComparison.Ordinal) ? url : ConsoleRoutes.Root;
}
