using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Refinery.Engine.Delivery;

namespace Refinery.Engine.Hosting;

/// <summary>
/// Beats for this process every <see cref="EngineOptions.WorkerHeartbeatInterval"/> while it runs jobs. The first beat
/// lands before the job server starts, so no shard is ever claimed by a worker the catalog does not know.
/// </summary>
public sealed class WorkerHeartbeatService(WorkerRegistry registry, EngineOptions options, TimeProvider clock, ILogger<WorkerHeartbeatService> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await registry.BeatAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await registry.RetireAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A row left behind is a silent worker, which the reconciler already ignores; shutting down matters more.
            logger.LogWarning(error, "Could not remove this worker from the catalog; it will be taken for gone once silent");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.WorkerHeartbeatInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await registry.BeatAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // A missed beat or two is what the lost-after margin is for; the next tick tries again.
                logger.LogWarning(error, "Recording this worker's heartbeat failed; will try again");
            }
        }
    }
}
