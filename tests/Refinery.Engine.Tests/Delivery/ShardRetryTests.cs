using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Refinery.Domain;
using Refinery.Engine.Delivery;
using Refinery.Engine.Hosting;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Staging;
using Refinery.Storage;

namespace Refinery.Engine.Tests.Delivery;

/// <summary>
/// A failing shard is retried by Hangfire (not by a loop holding the worker), and a shard whose attempts are spent fails
/// its version with a message a user can read, instead of leaving it running. Runs the engine's real job server on its
/// in-memory queue over a SQLite catalog.
/// </summary>
public sealed class ShardRetryTests : IAsyncLifetime
{
    private const string VersionId = TemporaryCatalog.VersionId;

    private TemporaryCatalog _catalog = null!;

    public async Task InitializeAsync() => _catalog = await TemporaryCatalog.CreateAsync(shards: 1);

    public async Task DisposeAsync() => await _catalog.DisposeAsync();

    [Fact]
    public async Task A_shard_that_fails_once_is_retried_and_completes()
    {
        await RunShardAsync(maxAttempts: 2, failingReads: 1, until: async () => (await _catalog.ShardAsync(0)).Done);

        var version = await _catalog.VersionAsync();
        Assert.Equal((int)VersionStatus.Running, version.Status);
        Assert.Null((await _catalog.ShardAsync(0)).ClaimedBy);
    }

    [Fact]
    public async Task A_shard_that_fails_every_attempt_fails_its_version_with_a_message_a_user_can_act_on()
    {
        await RunShardAsync(maxAttempts: 2, failingReads: int.MaxValue, until: async () => (await _catalog.VersionAsync()).Status != (int)VersionStatus.Running);

        var version = await _catalog.VersionAsync();
        Assert.Equal((int)VersionStatus.Failed, version.Status);
        Assert.Equal($"Shard 0 failed 2 times; last error: {FailureMessage.Internal}", version.ErrorMsg);
        Assert.False(await _catalog.AnyShardClaimedAsync());
    }

    private async Task RunShardAsync(int maxAttempts, int failingReads, Func<Task<bool>> until)
    {
        var options = new EngineHostOptions
        {
            DataDirectory = _catalog.Root,
            RunReconciler = false,
            WorkerCount = 1,
            Engine = new EngineOptions { MaxShardAttempts = maxAttempts },
        };
        var stagingStore = new LocalDirectoryStore("staging", options.StagingDirectory);
        var staging = new StagingArea(new FailingReadsStore(stagingStore, failingReads), new ObjectPath("staging", ""));
        await stagingStore.WriteAsync(staging.ShardSamples(VersionId, 0), new MemoryStream(), CancellationToken.None); // no samples: the shard is quick
        var services = new ServiceCollection().AddRefineryEngine(options);
        services.AddSingleton(staging);
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        provider.GetRequiredService<IJobScheduler>().EnqueueMap(VersionId, 0);
        var clock = Stopwatch.StartNew();
        while (!await until())
        {
            // Only a bound so that a regression fails instead of hanging: Hangfire retries after a second or two.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the shard neither completed nor failed its version");
            await Task.Delay(50);
        }

        foreach (var service in Enumerable.Reverse(hosted))
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
