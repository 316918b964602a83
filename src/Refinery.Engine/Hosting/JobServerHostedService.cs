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
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            server.SendStop();
            await server.WaitForShutdownAsync(cancellationToken);
        }
    }

    public void Dispose() => _server?.Dispose();
}
