using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Engine;

namespace Refinery.Bench.Support;

/// <summary>
/// Fills the catalog with finished validation and analysis tasks shaped as <c>ProcessorTaskService</c> and the
/// version lifecycle leave them, in one transaction.
/// </summary>
public static class CatalogSeeder
{
    private const long Epoch = 1_767_225_600_000; // 2026-01-01, so create times look like real ones

    // Tasks saved per SaveChanges: the change tracker is cleared after each, so 100,000 tasks take no more memory than 1,000.
    private const int SaveBatch = 1_000;

    /// <returns>The ids of the tasks created.</returns>
    public static async Task<IReadOnlyList<string>> SeedAsync(
        IDbContextFactory<CatalogContext> catalog, string projectId, int taskCount, IReadOnlyList<string> analysisResults, CancellationToken cancellationToken)
    {
        var random = new Random(20260101);
        var taskIds = new List<string>(taskCount);
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < taskCount; i++)
        {
            var analysis = i % 2 == 1;
            var task = analysis ? AnalysisTask(projectId, i) : ValidationTask(projectId, i, random);
            var versions = 1 + (i % 3);
            var createTime = task.CreateTime;
            for (var sequence = 1; sequence <= versions; sequence++)
            {
                var version = FinishedVersion(task, sequence, createTime + (sequence * 60_000), random, analysis ? analysisResults[(i / 2) % analysisResults.Count] : null);
                db.Versions.Add(version);
                task.LatestVersionId = version.VersionId;
                task.Status = version.Status;
                task.DurationSeconds = version.DurationSeconds;
                task.ErrorMsg = version.ErrorMsg;
                task.ResultJson = version.ResultJson;
            }

            task.VersionCount = versions;
            task.LastVersionSequence = versions;
            db.Tasks.Add(task);
            taskIds.Add(task.TaskId);
            if (taskIds.Count % SaveBatch == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return taskIds;
    }

    private static ProcessorTaskRecord ValidationTask(string projectId, int index, Random random)
    {
        // Several tasks over the same folder, so is_current is false for the older ones.
        var source = $"obs://imgs/street/batch-{index / 8:D4}/";
        var inputs = new List<ProcessorDataSource> { new(SourceTypes.Obs, source) };
        var taskType = index % 4 == 0 ? TaskTypes.ObjectDetection : TaskTypes.ImageClassification;
        var template = new TemplateParam(TemplateIds.Validation, OperatorParams:
        [
            new OperatorParam(Name: "MetaValidation", Params: new JsonObject
            {
                ["task_type"] = taskType,
                ["image_max_width"] = random.Next(2) == 0 ? "1920" : "-1",
                ["image_max_height"] = random.Next(2) == 0 ? "1080" : "-1",
            }),
        ]);
        var workPath = new WorkPath(SourceTypes.Obs, $"obs://imgs/checked/batch-{index / 8:D4}/");
        return NewTask(projectId, index, $"check-street-{index:D5}", TemplateIds.Validation, template, inputs, workPath);
    }

    private static ProcessorTaskRecord AnalysisTask(string projectId, int index)
    {
        var source = $"obs://imgs/street/batch-{index / 8:D4}/";
        var inputs = new List<ProcessorDataSource> { new(SourceTypes.Obs, source) };
        var template = new TemplateParam(TemplateIds.Analyse, OperatorParams:
        [
            new OperatorParam(Params: new JsonObject
            {
                ["task_type"] = index % 3 == 2 ? TaskTypes.ObjectDetection : TaskTypes.ImageClassification,
                ["is_normed"] = false,
            }),
        ]);
        return NewTask(projectId, index, $"analyse-street-{index:D5}", TemplateIds.Analyse, template, inputs, workPath: null);
    }

    private static ProcessorTaskRecord NewTask(
        string projectId, int index, string name, string templateId, TemplateParam template, List<ProcessorDataSource> inputs, WorkPath? workPath) => new()
        {
            TaskId = ResourceIds.New(),
            ProjectId = projectId,
            WorkspaceId = "0",
            Name = name,
            Description = index % 5 == 0 ? null : $"Nightly run {index} over the street cameras",
            TemplateId = templateId,
            TemplateJson = TaskJson.Write(template),
            InputsJson = TaskJson.Write(inputs),
            WorkPathJson = TaskJson.Write(workPath),
            InputKey = string.Join('|', inputs.Select(input => $"{input.Type}:{input.Source}:{input.VersionId}")),
            SourceType = inputs[0].Type!,
            Source = inputs[0].Source!,
            CreateTime = Epoch + (index * 600_000L),
        };

    private static TaskVersionRecord FinishedVersion(ProcessorTaskRecord task, int sequence, long createTime, Random random, string? analysisResult)
    {
        var versionId = ResourceIds.New();
        var failed = random.Next(20) == 0;
        var duration = 30 + random.Next(3_600);
        var origin = 500 + random.Next(20_000);
        var deleted = failed ? 0 : random.Next(origin / 20);
        var modified = failed ? 0 : random.Next(origin / 5);
        var workPath = TaskJson.ReadWorkPath(task.WorkPathJson);
        return new TaskVersionRecord
        {
            VersionId = versionId,
            TaskId = task.TaskId,
            ProjectId = task.ProjectId,
            VersionName = $"V{sequence:D3}",
            Sequence = sequence,
            Description = task.Description,
            TemplateJson = task.TemplateJson,
            InputsJson = task.InputsJson,
            WorkPathJson = TaskJson.Write(workPath is null ? null : workPath with { OutputPath = $"{workPath.Path!.Replace("obs://", "/", StringComparison.Ordinal)}output/{versionId}/" }),
            Status = failed ? (int)VersionStatus.Failed : (int)VersionStatus.Completed,
            CreateTime = createTime,
            UpdateTime = createTime + (duration * 1000L),
            StartTime = createTime + 500,
            EndTime = createTime + (duration * 1000L),
            DurationSeconds = duration,
            ErrorMsg = failed ? "Reading obs://imgs/street/: the bucket 'imgs' has no directory 'street' on this server" : null,
            ResultJson = failed ? null : analysisResult,
            OriginSampleCount = failed ? null : origin,
            AddSampleCount = failed ? null : 0,
            DeletedSampleCount = failed ? null : deleted,
            ModifiedSampleCount = failed ? null : modified,
            UnmodifiedSampleCount = failed ? null : origin - deleted - modified,
            ProcessedSamples = failed ? 0 : origin,
            TotalSamples = failed ? null : origin,
            ShardCount = failed ? null : (origin + 999) / 1000,
            ReduceEnqueued = !failed,
            HeartbeatAt = createTime + (duration * 1000L),
        };
    }
}
