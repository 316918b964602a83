using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Refinery.Api.Hosting;
using Refinery.Api.ProcessorTasks;
using Refinery.Catalog.Records;
using Refinery.Cli.Commands.Tasks;
using Refinery.Domain;
using Refinery.Engine.Hosting;
using Refinery.Engine.Tasks;
using Refinery.Operators.Pipeline;

namespace Refinery.Cli.Commands.Local;

/// <summary>
/// The server's engine composition (<see cref="EngineServiceCollectionExtensions.AddRefineryEngine"/>) in a generic host of this process:
/// catalog, staging and job delivery in a temporary data directory that is deleted afterwards, workers in process,
/// nothing listening. The input folder's parent is the bucket <c>input</c>, the output folder's parent the bucket <c>output</c>.
/// </summary>
public sealed class EmbeddedEngine : IAsyncDisposable
{
    public const string InputBucket = "input";
    public const string OutputBucket = "output";
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(250);

    private readonly IHost _host;
    private readonly string _temporaryDirectory;
    private readonly string _projectId;

    private EmbeddedEngine(IHost host, string temporaryDirectory, string projectId)
    {
        _host = host;
        _temporaryDirectory = temporaryDirectory;
        _projectId = projectId;
    }

    /// <param name="inputParent">The folder holding the input folder, served as the bucket <c>input</c>.</param>
    /// <param name="outputParent">
    /// The folder holding the output folder, served as the bucket <c>output</c>; null for a temporary one, deleted with the rest.
    /// </param>
    public static async Task<EmbeddedEngine> StartAsync(string inputParent, string? outputParent, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetTempPath(), "refinery-local-" + Guid.NewGuid().ToString("N"));
        var roots = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [InputBucket] = inputParent,
            [OutputBucket] = outputParent ?? Directory.CreateDirectory(Path.Combine(temporary, "output")).FullName,
        };

        var options = new RefineryOptions { DataDirectory = Path.Combine(temporary, "data"), StorageRoots = roots };
        OwnerOnlyDirectory.Ensure(options.DataDirectory);
        var builder = Host.CreateApplicationBuilder();
        // The summary goes to standard output; only problems are logged, and to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var catalogKey = await new InstallationSecretSource(options).LoadAsync(options.CatalogKey, cancellationToken);
        builder.Services.AddRefineryEngine(options).AddRefineryCredentials(options, catalogKey);
        var host = builder.Build();
        try
        {
            var project = await CatalogPreparation.PrepareAsync(host.Services, cancellationToken)
                ?? throw new InvalidOperationException("A fresh catalog made no project.");
            await host.StartAsync(cancellationToken);
            return new EmbeddedEngine(host, temporary, project.ProjectId);
        }
        catch
        {
            host.Dispose();
            Directory.Delete(temporary, recursive: true);
            throw;
        }
    }

    /// <summary>Creates the task, follows its version to its end (reporting progress) and returns the version as it ended.</summary>
    public async Task<(ProcessorTaskRecord Task, TaskVersionRecord Version)> RunAsync(
        FolderTaskRequest request, Action<ProgressFigures> progress, CancellationToken cancellationToken)
    {
        var services = _host.Services;
        var queries = services.GetRequiredService<TaskQueries>();
        var taskId = await request.CreateAsync(
            services.GetRequiredService<ProcessorTaskService>(), services.GetRequiredService<OperatorRegistry>(), _projectId, cancellationToken);
        var task = (await queries.GetTaskAsync(_projectId, taskId, cancellationToken)).Task;
        var versionId = task.LatestVersionId ?? throw new InvalidOperationException($"Task {taskId} has no version.");
        var clock = TimeProvider.System;
        var startedAt = clock.GetTimestamp();
        ProgressFigures? shown = null;
        while (true)
        {
            var version = await queries.GetVersionAsync(_projectId, taskId, versionId, cancellationToken);
            var figures = ProgressFigures.From(version.ProcessedSamples, version.TotalSamples, 0, clock.GetElapsedTime(startedAt));
            if (shown is null || figures.Processed != shown.Processed || figures.Total != shown.Total)
            {
                progress(figures);
                shown = figures;
            }

            if (version.Status is not ((int)VersionStatus.Initialized or (int)VersionStatus.Running))
            {
                return ((await queries.GetTaskAsync(_projectId, taskId, cancellationToken)).Task, version);
            }

            await Task.Delay(_pollInterval, cancellationToken);
        }
    }

    /// <summary>Every per-sample result of a finished version, in input order.</summary>
    public async Task<IReadOnlyList<SampleResultRecord>> ResultsAsync(string taskId, string versionId, CancellationToken cancellationToken)
    {
        const int Page = 1000;
        var queries = _host.Services.GetRequiredService<TaskQueries>();
        var results = new List<SampleResultRecord>();
        while (true)
        {
            var page = await queries.ListResultsAsync(_projectId, taskId, versionId, property: null, flagKey: null, results.Count, Page, cancellationToken);
            results.AddRange(page.Results);
            if (page.Results.Count < Page)
            {
                return results;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        try
        {
            Directory.Delete(_temporaryDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file a stopping worker still held; the temporary folder is the system's to clean then.
        }
    }
}
