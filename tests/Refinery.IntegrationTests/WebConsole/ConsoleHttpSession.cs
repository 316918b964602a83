using System.Net;
using System.Text.RegularExpressions;

namespace Refinery.IntegrationTests.WebConsole;

/// <summary>
/// The console over plain HTTP with a cookie jar, as a browser would use it: forms are posted with the antiforgery
/// token their page carried, and redirects are not followed so that tests see them.
/// </summary>
public sealed partial class ConsoleHttpSession(Uri server) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = server,
    };

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Posts the sign-in form, with the antiforgery token of the page it came from.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string projectId, string token)
    {
        var form = await ReadAntiforgeryTokenAsync("/console/sign-in");
        return await PostFormAsync("/console/sign-in", new Dictionary<string, string>
        {
            ["project_id"] = projectId,
            ["token"] = token,
            ["__RequestVerificationToken"] = form,
        });
    }

    /// <summary>Posts the password sign-in form; <paramref name="projectBy"/> is <c>id</c> or <c>name</c>, as the form offers.</summary>
    public async Task<HttpResponseMessage> SignInWithPasswordAsync(string userName, string password, string project, string projectBy = "id")
    {
        var form = await ReadAntiforgeryTokenAsync("/console/sign-in");
        return await PostFormAsync("/console/sign-in?handler=Password", new Dictionary<string, string>
        {
            ["user_name"] = userName,
            ["password"] = password,
            ["project"] = project,
            ["project_by"] = projectBy,
            ["__RequestVerificationToken"] = form,
        });
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields) =>
        _http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));

    public async Task<string> ReadAntiforgeryTokenAsync(string path)
    {
        var page = await _http.GetStringAsync(new Uri(path, UriKind.Relative));
        return AntiforgeryField().Match(page) is { Success: true } match
            ? match.Groups["token"].Value
            : throw new InvalidOperationException($"{path} has no antiforgery token: {page}");
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
