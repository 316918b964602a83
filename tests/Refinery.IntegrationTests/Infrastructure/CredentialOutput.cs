using System.Net;
using System.Text.RegularExpressions;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>What the credential commands print (one <c>name: value</c> per line), and a check that a token opens a project.</summary>
public static partial class CredentialOutput
{
    public static string ProjectId(string output) => ProjectIdLine().Match(output).Groups[1].Value;

    public static string Token(string output) => TokenLine().Match(output).Groups[1].Value;

    public static string AccessKey(string output) => AccessKeyLine().Match(output).Groups[1].Value;

    /// <summary>The secret key, without the advice printed after it on its line.</summary>
    public static string SecretKey(string output) => SecretKeyLine().Match(output).Groups[1].Value;

    /// <summary>The status of listing the project's tasks with the token: 200 when the token belongs to the project.</summary>
    public static async Task<HttpStatusCode> ListTasksStatusAsync(HttpClient http, string projectId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{projectId}/processor-tasks");
        request.Headers.Add("X-Auth-Token", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"^project_id: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex ProjectIdLine();

    [GeneratedRegex(@"^token: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex TokenLine();

    [GeneratedRegex(@"^AK: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex AccessKeyLine();

    [GeneratedRegex(@"^SK: (\S+)", RegexOptions.Multiline)]
    private static partial Regex SecretKeyLine();
}
