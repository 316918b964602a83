using System.ComponentModel;
using Refinery.Cli.Configuration;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>The flags of <c>refinery worker</c>: the engine's, and its optional health port, since a worker serves no API.</summary>
public sealed class WorkerSettings : EngineSettings
{
    [CommandOption("--health-urls <URL>")]
    [Description("Where to answer /healthz, /readyz and /metrics, and nothing else (';'-separated for several). Env: REFINERY_HEALTH_URLS. Default: no port is opened")]
    public string? HealthUrls { get; init; }

    protected override void AddFlags(IDictionary<string, string?> flags)
    {
        // Read by the configuration as serve's --no-workers: a worker process that ran no workers would do nothing.
        flags[ServeSettingNames.NoWorkers.Key] = "false";
        flags[ServeSettingNames.HealthUrls.Key] = HealthUrls;
    }
}
