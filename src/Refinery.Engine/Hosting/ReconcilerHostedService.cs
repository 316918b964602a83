using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Refinery.Engine.Delivery;

namespace Refinery.Engine.Hosting;

/// <summary>
/// Runs the reconciler in whichever process holds its lease: every heartbeat interval it renews the lease and
/// re-enqueues lost workers' shards; on first taking the lease it resumes every unfinished version, and afterwards
/// every <see cref="EngineHostOptions.ReconcileInterval"/> those with no progress.
/// </summary>
public sealed class ReconcilerHostedService(
    VersionReconciler reconciler, ReconcilerLease lease, EngineHostOptions options, TimeProvider clock, ILogger<ReconcilerHostedService> logger)
    : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await lease.ReleaseAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Giving the lease up early only spares the next holder a wait: it expires by itself, and a process shutting
            // down with its catalog unreachable must still shut down.
            logger.LogWarning(error, "Could not give up the reconciler lease; it expires within {Lease}", options.Engine.ReconcilerLease);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startup = true;
        var lastSweep = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(options.Engine.WorkerHeartbeatInterval, clock);
        do
        {
            try
            {
                if (!await lease.TryHoldAsync(stoppingToken))
                {
                    continue;
                }

                await reconciler.RequeueLostShardsAsync(stoppingToken);
                if (startup || clock.GetUtcNow() - lastSweep >= options.ReconcileInterval)
                {
                    await reconciler.ResumeAsync(startup, stoppingToken);
                    (startup, lastSweep) = (false, clock.GetUtcNow());
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(error, "Reconciling unfinished versions failed; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
