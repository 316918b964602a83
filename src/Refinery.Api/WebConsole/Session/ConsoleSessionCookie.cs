using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Refinery.Api.WebConsole.Session;

/// <summary>
/// Keeps the console's sign-in in one cookie: HttpOnly (no script reads the token), SameSite=Strict (no other site's
/// page sends it), Secure over HTTPS, scoped to <c>/console</c>, and encrypted with the installation's data-protection
/// keys so that a copied cookie jar does not show the token in clear.
/// </summary>
public sealed class ConsoleSessionCookie(IDataProtectionProvider protection)
{
    public const string Name = "refinery_console";
    private const char Separator = '\n';
    private readonly IDataProtector _protector = protection.CreateProtector("Refinery.WebConsole.Session");

    public ConsoleSession? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || value.Length == 0)
        {
            return null;
        }

        try
        {
            var clear = _protector.Unprotect(value);
            var separator = clear.IndexOf(Separator, StringComparison.Ordinal);
            return separator > 0 ? new ConsoleSession(clear[..separator], clear[(separator + 1)..]) : null;
        }
        catch (CryptographicException)
        {
            return null; // made with keys this installation no longer has, or tampered with: sign in again
        }
    }

    /// <summary>
    /// Sets the cookie; with <paramref name="expiresAt"/> it ends then (a token's own expiry), without it it ends with
    /// the browser session.
    /// </summary>
    public void Write(HttpResponse response, ConsoleSession session, DateTimeOffset? expiresAt) =>
        response.Cookies.Append(Name, _protector.Protect(session.ProjectId + Separator + session.Token), Options(response.HttpContext.Request, expiresAt));

    public static void Delete(HttpResponse response) => response.Cookies.Delete(Name, Options(response.HttpContext.Request, expiresAt: null));

    private static CookieOptions Options(HttpRequest request, DateTimeOffset? expiresAt) => new()
    {
        Expires = expiresAt,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = ConsoleRoutes.Root,
        IsEssential = true,
    };
}
