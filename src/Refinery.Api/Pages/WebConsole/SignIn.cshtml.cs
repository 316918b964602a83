using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Refinery.Api.Authentication;
using Refinery.Api.Identity;
using Refinery.Api.WebConsole;
using Refinery.Api.WebConsole.Session;

namespace Refinery.Api.Pages.WebConsole;

/// <summary>
/// Signs in to the console with a project id and a token, checked as the API checks <c>X-Auth-Token</c>, or with a
/// user's password, which gets a 24-hour token from the same <see cref="PasswordSignIn"/> as <c>POST /v3/auth/tokens</c>.
/// </summary>
public sealed class SignInModel(CredentialStore credentials, PasswordSignIn passwordSignIn, ConsoleSessionCookie cookie) : PageModel
{
    /// <summary>How the password form names the project: as <c>/v3/auth/tokens</c>, by its id or by its name.</summary>
    public const string ProjectById = "id";
    public const string ProjectByName = "name";

    [BindProperty(Name = "project_id")]
    public string ProjectIdInput { get; set; } = "";

    [BindProperty(Name = "token")]
    public string Token { get; set; } = "";

    [BindProperty(Name = "user_name")]
    public string UserName { get; set; } = "";

    [BindProperty(Name = "password")]
    public string Password { get; set; } = "";

    [BindProperty(Name = "project")]
    public string ProjectInput { get; set; } = "";

    [BindProperty(Name = "project_by")]
    public string ProjectBy { get; set; } = ProjectById;

    [BindProperty(Name = "return_url", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var project = Token.Length == 0 ? null : await credentials.ProjectOfTokenAsync(Token, cancellationToken);
        if (project is null || project != ProjectIdInput.Trim())
        {
            // One message for both: which of a guessed token and a guessed project was wrong is not for strangers.
            return Refused("The token is invalid or expired, or it is not a token of this project.");
        }

        // The token's own expiry, if it has one, is checked on every request; the cookie ends with the browser session.
        cookie.Write(Response, new ConsoleSession(project, Token), expiresAt: null);
        return LocalRedirect(SafeReturnUrl());
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        var project = ProjectInput.Trim();
        var scope = ProjectBy == ProjectByName ? new ProjectSelector(Id: null, project) : new ProjectSelector(project, Name: null);
        var issued = UserName.Length == 0 || Password.Length == 0 || project.Length == 0
            ? null
            : await passwordSignIn.SignInAsync(UserName.Trim(), Password, scope, cancellationToken);
        if (issued is null)
        {
            // PasswordSignIn tells no more than "no": the page does not either.
            return Refused("The user name or password is wrong, or the user does not belong to this project.");
        }

        // A cookie that outlived its token would only be a sign-in page later; ending with it says so honestly.
        cookie.Write(Response, new ConsoleSession(issued.Project.ProjectId, issued.Token), issued.ExpiresAt);
        return LocalRedirect(SafeReturnUrl());
    }

    public IActionResult OnPostSignOut()
    {
        ConsoleSessionCookie.Delete(Response);
        return LocalRedirect(ConsoleRoutes.SignIn);
    }

    private PageResult Refused(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>Only a console address: a link crafted elsewhere must not send a fresh session to another site.</summary>
    private string SafeReturnUrl() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(ConsoleRoutes.Root, StringComparison.Ordinal) ? url : ConsoleRoutes.Root;
}
