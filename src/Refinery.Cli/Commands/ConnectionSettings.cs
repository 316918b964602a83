using System.ComponentModel;
using Refinery.Cli.Client;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>
/// Where a client command connects: each of <c>--endpoint</c>, <c>--project-id</c> and <c>--token</c> falls back to
/// its <c>REFINERY_*</c> environment variable, then to what <c>refinery login</c> saved.
/// </summary>
public class ConnectionSettings : CommandSettings
{
    [CommandOption("--endpoint <URL>")]
    [Description("The server, e.g. http://127.0.0.1:8080. Env: REFINERY_ENDPOINT. Default: what refinery login saved")]
    public string? Endpoint { get; init; }

    [CommandOption("--project-id <PROJECT_ID>")]
    [Description("The project. Env: REFINERY_PROJECT_ID. Default: what refinery login saved")]
    public string? ProjectId { get; init; }

    [CommandOption("--token <TOKEN>")]
    [Description("The project's token (X-Auth-Token). Env: REFINERY_TOKEN. Default: what refinery login saved")]
    public string? Token { get; init; }

    /// <summary>The connection from flags, environment and the saved config, in that order of precedence.</summary>
    public Connection ResolveConnection()
    {
        var saved = ClientConfigFile.Load();
        var endpoint = Endpoint ?? Environment.GetEnvironmentVariable("REFINERY_ENDPOINT") ?? saved.Endpoint;
        var projectId = ProjectId ?? Environment.GetEnvironmentVariable("REFINERY_PROJECT_ID") ?? saved.ProjectId;
        var token = Token ?? Environment.GetEnvironmentVariable("REFINERY_TOKEN") ?? saved.Token;
        var missing = new[] { ("--endpoint", "REFINERY_ENDPOINT", endpoint), ("--project-id", "REFINERY_PROJECT_ID", projectId), ("--token", "REFINERY_TOKEN", token) }
            .Where(setting => string.IsNullOrEmpty(setting.Item3))
            .Select(setting => $"{setting.Item1} (or {setting.Item2})")
            .ToList();
        if (missing.Count > 0)
        {
            throw new CommandInputException($"Missing {string.Join(", ", missing)}: pass them, set them, or save them once with refinery login.");
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CommandInputException($"The endpoint '{endpoint}' must be an http:// or https:// URL.");
        }

        return new Connection(uri, projectId!, token!);
    }
}
