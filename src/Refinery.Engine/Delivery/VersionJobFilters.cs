using Hangfire;
using Hangfire.Common;

namespace Refinery.Engine.Delivery;

/// <summary>
/// The Hangfire filters of this process's job server, besides Hangfire's global ones: the engine's jobs are retried
/// <see cref="EngineOptions.MaxShardAttempts"/> times in all, a second or two apart, and a job whose attempts are spent
/// fails its version. Given to the server rather than added to Hangfire's global filters, so that processes (and
/// tests) with different options never share them.
/// </summary>
public sealed class VersionJobFilters(EngineOptions options, VersionJobFailure failure) : IJobFilterProvider
{
    // After AutomaticRetry (order 20), so that the failure sees the retry's decision.
    private const int FailureOrder = 30;

    private readonly JobFilterProviderCollection _all = [JobFilterProviders.Providers, new OwnFilters(options, failure)];

    public IEnumerable<JobFilter> GetFilters(Job job) => _all.GetFilters(job);

    private sealed class OwnFilters(EngineOptions options, VersionJobFailure failure) : IJobFilterProvider
    {
        private readonly AutomaticRetryAttribute _retry = new()
        {
            Attempts = options.MaxShardAttempts - 1,
            // Long enough for a passing glitch (a busy store, a dropped connection), short enough not to hold the version up.
            DelaysInSeconds = [.. Enumerable.Range(1, Math.Max(1, options.MaxShardAttempts - 1))],
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        };

        public IEnumerable<JobFilter> GetFilters(Job job) => job.Type == typeof(VersionJobs)
            // Method scope, so that it replaces the global AutomaticRetry (10 attempts) for these jobs.
            ? [new JobFilter(_retry, JobFilterScope.Method, order: null), new JobFilter(failure, JobFilterScope.Method, FailureOrder)]
            : [];
    }
}
