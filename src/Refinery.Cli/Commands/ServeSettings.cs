using System.ComponentModel;
using Refinery.Cli.Configuration;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>The flags of <c>refinery serve</c>: the engine's, and the API's.</summary>
public sealed class ServeSettings : EngineSettings
{
    [CommandOption("--urls <URL>")]
    [Description("Where to listen. Env: REFINERY_URLS. Default: http://127.0.0.1:8080")]
    public string? Urls { get; init; }

    [CommandOption("--signed-url-lifetime <SECONDS>")]
    [Description("How long the signed links in task results stay valid, 1 to 604800 seconds. Env: REFINERY_SIGNED_URL_LIFETIME. Default: 3600")]
    public string? SignedUrlLifetime { get; init; }

    [CommandOption("--no-workers")]
    [Description("Run the API and the reconciler only; jobs wait in the --db queue for refinery worker processes. Needs --db. Env: REFINERY_NO_WORKERS=true")]
    public bool? NoWorkers { get; init; }

    protected override void AddFlags(IDictionary<string, string?> flags)
    {
        flags[ServeSettingNames.Urls.Key] = Urls;
        flags[ServeSettingNames.SignedUrlLifetime.Key] = SignedUrlLifetime;
        flags[ServeSettingNames.NoWorkers.Key] = NoWorkers is true ? "true" : null;
    }
}
