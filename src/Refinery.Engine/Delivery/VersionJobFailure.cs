using Hangfire.States;
using Microsoft.Extensions.Logging;
using Refinery.Engine.Lifecycle;

namespace Refinery.Engine.Delivery;

/// <summary>
/// When one of a version's jobs has spent its attempts (Hangfire is about to move it to Failed), fails the version with
/// a message a user can act on, so that a version never stays running behind a dead job. A stop is not a failure: a
/// stopped job returns normally, and failing an ended version changes nothing.
/// </summary>
public sealed class VersionJobFailure(VersionLifecycle lifecycle, ILogger<VersionJobFailure> logger) : IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState failed || context.BackgroundJob.Job.Args is not [string versionId, ..] arguments)
        {
            return;
        }

        var attempts = context.GetJobParameter<int>("RetryCount") + 1;
        var message = Describe(context.BackgroundJob.Job.Method.Name, arguments, attempts, failed.Exception);
        logger.LogError(failed.Exception, "Version {VersionId} failed: {Message}", versionId, message);
        // Hangfire's filters are synchronous; this is one conditional update, run once per failed job.
        lifecycle.FailAsync(versionId, message, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The <c>error_msg</c> for a job of <see cref="VersionJobs"/> that failed <paramref name="attempts"/> times.</summary>
    public static string Describe(string method, IReadOnlyList<object?> arguments, int attempts, Exception exception) => method switch
    {
        nameof(VersionJobs.MapAsync) =>
            $"Shard {arguments[1]} failed {attempts} times; last error: {FailureMessage.ReasonOf(exception)}",
        nameof(VersionJobs.PlanAsync) => FailureMessage.For("planning", exception),
        _ => FailureMessage.For("publishing", exception),
    };
}
