using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Refinery.Engine.Delivery;

namespace Refinery.Engine.Hosting;

/// <summary>Resumes unfinished versions at start-up, then keeps looking for versions whose worker has gone.</summary>
public sealed class ReconcilerHostedService(VersionReconciler reconciler, EngineHostOptions options, ILogger<ReconcilerHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startup = true;
        using var timer = new PeriodicTimer(options.ReconcileInterval);
        do
        {
            try
            {
                await reconciler.ResumeAsync(startup, stoppingToken);
                startup = false;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(error, "Reconciling unfinished versions failed; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
