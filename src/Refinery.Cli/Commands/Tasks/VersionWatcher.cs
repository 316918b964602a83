using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Refinery.Cli.Client;
using Refinery.Domain;

namespace Refinery.Cli.Commands.Tasks;

/// <summary>Polls a version until it ends (completed, failed or stopped), yielding each state it sees.</summary>
public sealed class VersionWatcher(RefineryClient client, TimeProvider clock, TimeSpan interval)
{
    public async IAsyncEnumerable<JsonNode> WatchAsync(string taskId, string versionId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var version = await client.GetVersionAsync(taskId, versionId, cancellationToken);
            yield return version;
            if (HasEnded(version))
            {
                yield break;
            }

            await Task.Delay(interval, clock, cancellationToken);
        }
    }

    public static VersionStatus StatusOf(JsonNode version) => (VersionStatus)(version["status"]?.GetValue<int>() ?? 0);

    public static bool HasEnded(JsonNode version) =>
        StatusOf(version) is VersionStatus.Completed or VersionStatus.Failed or VersionStatus.Stopped;
}
