using System.Text;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary><c>POST /v3/auth/tokens</c> with the body IAM's documentation and the Huawei SDKs send for the password method.</summary>
public static class IamSignIn
{
    /// <param name="http">A client of the server, with or without a token (the route needs none).</param>
    /// <param name="user">The user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="projectScope">The <c>scope.project</c> object, e.g. <c>{ "id": "…" }</c> or <c>{ "name": "default" }</c>.</param>
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string user, string password, string projectScope) =>
        http.PostAsync("/v3/auth/tokens", new StringContent(Body(user, password, projectScope), Encoding.UTF8, "application/json"));

    public static string Body(string user, string password, string projectScope) => $$"""
        { "auth": {
            "identity": { "methods": ["password"],
              "password": { "user": { "name": "{{user}}", "password": "{{password}}", "domain": { "name": "my-account" } } } },
            "scope": { "project": {{projectScope}} } } }
        """;
}
