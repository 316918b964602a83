using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Refinery.Engine.Delivery;

namespace Refinery.Engine.Hosting;

/// <summary>Runs this process's Hangfire workers against the process's own job storage, with the engine's retry and failure filters.</summary>
public sealed class JobServerHostedService(JobStorage storage, IServiceScopeFactory scopes, VersionJobFilters filters, EngineHostOptions options) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;
    private volatile bool _running;

    /// <summary>Started and not yet told to stop: what a worker's liveness probe reports.</summary>
    public bool IsRunning => _running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = options.WorkerCount,
                Activator = new AspNetCoreJobActivator(scopes),
                FilterProvider = filters,
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                ShutdownTimeout = TimeSpan.FromSeconds(5),
            },
            storage);
        _running = true;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _running = false;
        if (_server is { } server)
        {
            server.SendStop();
            await server.WaitForShutdownAsync(cancellationToken);
        }
    }

    public void Dispose() => _server?.Dispose();
}
