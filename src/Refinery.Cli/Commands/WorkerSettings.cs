using Refinery.Cli.Configuration;

namespace Refinery.Cli.Commands;

/// <summary>The flags of <c>refinery worker</c>: the engine's only, since a worker serves no API.</summary>
public sealed class WorkerSettings : EngineSettings
{
    protected override void AddFlags(IDictionary<string, string?> flags)
    {
        // Read by the configuration as serve's --no-workers: a worker process that ran no workers would do nothing.
        flags[ServeSettingNames.NoWorkers.Key] = "false";
    }
}
