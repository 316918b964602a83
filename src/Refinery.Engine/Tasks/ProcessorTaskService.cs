using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Engine.Delivery;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Operators;
using Refinery.Engine.Staging;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Engine.Tasks;

/// <summary>The commands of the processor-task API: create, update, delete tasks; create, delete and stop versions.</summary>
public sealed class ProcessorTaskService(
    IDbContextFactory<CatalogContext> catalog,
    InputValidator validator,
    VersionLifecycle lifecycle,
    IJobScheduler scheduler,
    StagingArea staging,
    AnalysisTemplateCompleter analysisTemplates,
    OperatorPipelineFactory pipelines)
{
    public async Task<string> CreateTaskAsync(string projectId, TaskDefinition definition, CancellationToken cancellationToken)
    {
        var template = definition.Template ?? throw ModelArtsErrors.InvalidArgument("template", "is required");
        var inputs = definition.Inputs ?? throw ModelArtsErrors.InvalidArgument("inputs", "either data_source or inputs is required");
        var pipeline = pipelines.Create(template);
        template = template with { Name = TemplateNames.Of(pipeline.TemplateId) };
        await validator.ValidateReferenceFoldersAsync(pipeline.ReferenceFolders, cancellationToken);
        inputs = await validator.ValidateInputsAsync(projectId, WithDatasetVersion(inputs, definition), InputsField(definition), cancellationToken);
        if (pipeline.Template.AnalysesInputs)
        {
            template = await analysisTemplates.CompleteAsync(template, inputs, cancellationToken);
            pipeline = pipelines.Create(template);
        }

        var output = await ValidateWorkPathAsync(projectId, pipeline, definition.WorkPath, inputs, cancellationToken);

        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Tasks.AnyAsync(t => t.ProjectId == projectId && t.WorkspaceId == definition.WorkspaceId && t.Name == definition.Name, cancellationToken))
        {
            throw ModelArtsErrors.DuplicateTaskName(definition.Name);
        }

        var task = new ProcessorTaskRecord
        {
            TaskId = ResourceIds.New(),
            ProjectId = projectId,
            WorkspaceId = definition.WorkspaceId,
            Name = definition.Name,
            Description = definition.Description,
            TemplateId = pipeline.TemplateId,
            TemplateJson = TaskJson.Write(template),
            InputsJson = TaskJson.Write(inputs),
            UsedDataSource = definition.UsedDataSource,
            WorkPathJson = TaskJson.Write(output?.WorkPath),
            DatasetVersionId = DatasetInput(inputs)?.VersionId,
            DatasetVersionName = DatasetInput(inputs)?.VersionName,
            InputKey = InputKeyOf(inputs),
            SourceType = inputs[0].Type!,
            Source = SourceKey.Of(inputs[0]),
            CreateTime = lifecycle.Now(),
        };
        db.Tasks.Add(task);
        string? versionId = null;
        if (definition.CreateVersion || pipeline.Template.AnalysesInputs)
        {
            versionId = AddVersion(db, task, definition.Description, template, inputs, output);
        }

        if (pipeline.Template.AnalysesInputs && DatasetInput(inputs) is { } analysed)
        {
            await db.DatasetVersions.Where(version => version.VersionId == analysed.VersionId)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.AnalysisStatus, 1).SetProperty(v => v.AnalysisTaskId, task.TaskId), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (versionId is not null)
        {
            scheduler.EnqueuePlan(versionId);
        }

        return task.TaskId;
    }

    public async Task<string> CreateVersionAsync(string projectId, string taskId, TaskDefinition definition, CancellationToken cancellationToken)
    {
        ProcessorTaskRecord task;
        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        {
            task = await FindTaskAsync(db, projectId, taskId, cancellationToken);
        }

        var template = definition.Template ?? TaskJson.ReadTemplate(task.TemplateJson);
        if (template.Id != task.TemplateId)
        {
            throw ModelArtsErrors.InvalidArgument("template.id", $"a version runs its task's template {task.TemplateId}, got '{template.Id}'");
        }

        var pipeline = pipelines.Create(template);
        template = template with { Name = TemplateNames.Of(pipeline.TemplateId) };
        await validator.ValidateReferenceFoldersAsync(pipeline.ReferenceFolders, cancellationToken);
        var inputs = definition.Inputs ?? TaskJson.ReadInputs(task.InputsJson);
        var inputsChanged = definition.Inputs is not null || definition.DatasetVersionId is not null;
        if (inputsChanged)
        {
            // A top-level version_id picks the dataset version this run reads, in place of the one the task recorded.
            var requested = definition.Inputs ?? WithoutDatasetVersion(inputs);
            inputs = await validator.ValidateInputsAsync(projectId, WithDatasetVersion(requested, definition), InputsField(definition), cancellationToken);
        }

        // A new template's params lack what the server fills in (task_type, manifest_path, file_path) as much as new inputs do.
        if (pipeline.Template.AnalysesInputs && (inputsChanged || definition.Template is not null))
        {
            template = await analysisTemplates.CompleteAsync(template, inputs, cancellationToken);
        }

        var output = await ValidateWorkPathAsync(
            projectId, pipeline, definition.WorkPath ?? StripOutput(TaskJson.ReadWorkPath(task.WorkPathJson)), inputs, cancellationToken);

        await using var write = await catalog.CreateDbContextAsync(cancellationToken);
        await using var transaction = await write.Database.BeginTransactionAsync(cancellationToken);
        var tracked = await FindTaskAsync(write, projectId, taskId, cancellationToken);
        var versionId = AddVersion(write, tracked, definition.Description ?? tracked.Description, template, inputs, output);
        await write.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        scheduler.EnqueuePlan(versionId);
        return versionId;
    }

    /// <summary>Changes the description; a null <paramref name="description"/> (the field was absent) leaves it as it is.</summary>
    public async Task UpdateDescriptionAsync(string projectId, string taskId, string? description, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var task = await FindTaskAsync(db, projectId, taskId, cancellationToken);
        if (description is not null)
        {
            task.Description = description;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Deletes a task with its versions, results and staging data; never its inputs or published output.</summary>
    public async Task DeleteTaskAsync(string projectId, string taskId, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var task = await FindTaskAsync(db, projectId, taskId, cancellationToken);
        var versions = await db.Versions.Where(version => version.TaskId == taskId).ToListAsync(cancellationToken);
        if (versions.Any(VersionLifecycle.IsActive))
        {
            throw ModelArtsErrors.TaskBusy($"task {taskId} has a version that is initializing or running; stop it first");
        }

        var versionIds = versions.Select(version => version.VersionId).ToList();
        await db.Results.Where(result => versionIds.Contains(result.VersionId)).ExecuteDeleteAsync(cancellationToken);
        await db.Shards.Where(shard => versionIds.Contains(shard.VersionId)).ExecuteDeleteAsync(cancellationToken);
        db.Versions.RemoveRange(versions);
        db.Tasks.Remove(task);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var versionId in versionIds)
        {
            await staging.Store.DeletePrefixAsync(staging.VersionRoot(versionId), cancellationToken);
        }
    }

    public async Task DeleteVersionAsync(string projectId, string taskId, string versionId, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var task = await FindTaskAsync(db, projectId, taskId, cancellationToken);
        var version = await db.Versions.SingleOrDefaultAsync(v => v.VersionId == versionId && v.TaskId == taskId, cancellationToken)
            ?? throw ModelArtsErrors.VersionNotFound(versionId);
        if (VersionLifecycle.IsActive(version))
        {
            throw ModelArtsErrors.TaskBusy($"version {versionId} is initializing or running; stop it first");
        }

        await db.Results.Where(result => result.VersionId == versionId).ExecuteDeleteAsync(cancellationToken);
        await db.Shards.Where(shard => shard.VersionId == versionId).ExecuteDeleteAsync(cancellationToken);
        db.Versions.Remove(version);
        await db.SaveChangesAsync(cancellationToken);
        await RepointLatestAsync(db, task, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await staging.Store.DeletePrefixAsync(staging.VersionRoot(versionId), cancellationToken);
    }

    public async Task StopVersionAsync(string projectId, string taskId, string versionId, CancellationToken cancellationToken)
    {
        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        {
            await FindTaskAsync(db, projectId, taskId, cancellationToken);
            var status = await db.Versions.Where(v => v.VersionId == versionId && v.TaskId == taskId)
                .Select(v => (int?)v.Status).SingleOrDefaultAsync(cancellationToken)
                ?? throw ModelArtsErrors.VersionNotFound(versionId);
            if (status is not ((int)VersionStatus.Initialized or (int)VersionStatus.Running))
            {
                throw ModelArtsErrors.InvalidArgument("version_id", $"version {versionId} has finished (status {status}); only an initialized or running version can be stopped");
            }
        }

        if (!await lifecycle.StopAsync(versionId, cancellationToken))
        {
            throw ModelArtsErrors.InvalidArgument("version_id", $"version {versionId} finished before it could be stopped");
        }
    }

    public static async Task<ProcessorTaskRecord> FindTaskAsync(CatalogContext db, string projectId, string taskId, CancellationToken cancellationToken) =>
        await db.Tasks.SingleOrDefaultAsync(task => task.TaskId == taskId && task.ProjectId == projectId, cancellationToken)
        ?? throw ModelArtsErrors.TaskNotFound(taskId);

    private async Task<(WorkPath WorkPath, ObjectPath OutputBase)?> ValidateWorkPathAsync(
        string projectId, OperatorPipeline pipeline, WorkPath? workPath, IReadOnlyList<ProcessorDataSource> inputs, CancellationToken cancellationToken)
    {
        if (!pipeline.Template.PublishesOutput)
        {
            return null;
        }

        if (workPath is null)
        {
            throw ModelArtsErrors.InvalidArgument("work_path", $"is required for {pipeline.TemplateId}: it says where the output goes");
        }

        return await validator.ValidateWorkPathAsync(projectId, workPath, inputs, cancellationToken);
    }

    private static string InputsField(TaskDefinition definition) => definition.UsedDataSource ? "data_source" : "inputs";

    /// <summary>
    /// The documented analysis request names the dataset in <c>data_source</c> and its version in the top-level
    /// <c>version_id</c>: that version is the one analysed, exactly as if it had been given inside the source.
    /// </summary>
    private static IReadOnlyList<ProcessorDataSource> WithDatasetVersion(IReadOnlyList<ProcessorDataSource> inputs, TaskDefinition definition)
    {
        if (definition.DatasetVersionId is not { } versionId)
        {
            return inputs;
        }

        var index = inputs.ToList().FindIndex(input => input.Type == SourceTypes.Dataset);
        if (index < 0)
        {
            throw ModelArtsErrors.InvalidArgument("version_id", $"names a dataset version, so {InputsField(definition)} must hold a {SourceTypes.Dataset} source");
        }

        var dataset = inputs[index];
        if (dataset.VersionId is { } inner && inner != versionId)
        {
            throw ModelArtsErrors.InvalidArgument(
                "version_id", $"is '{versionId}' but {InputsField(definition)} names version '{inner}'; give the dataset version once, or the same in both");
        }

        return [.. inputs.Select((input, i) => i == index ? input with { VersionId = versionId } : input)];
    }

    private static IReadOnlyList<ProcessorDataSource> WithoutDatasetVersion(IReadOnlyList<ProcessorDataSource> inputs) =>
        [.. inputs.Select(input => input.Type == SourceTypes.Dataset ? input with { VersionId = null, VersionName = null } : input)];

    private static ProcessorDataSource? DatasetInput(IReadOnlyList<ProcessorDataSource> inputs) =>
        inputs.FirstOrDefault(input => input.Type == SourceTypes.Dataset);

    private string AddVersion(
        CatalogContext db,
        ProcessorTaskRecord task,
        string? description,
        TemplateParam template,
        IReadOnlyList<ProcessorDataSource> inputs,
        (WorkPath WorkPath, ObjectPath OutputBase)? output)
    {
        var sequence = task.LastVersionSequence + 1;
        var versionId = ResourceIds.New();
        var now = lifecycle.Now();
        db.Versions.Add(new TaskVersionRecord
        {
            VersionId = versionId,
            TaskId = task.TaskId,
            ProjectId = task.ProjectId,
            VersionName = $"V{sequence:D3}",
            Sequence = sequence,
            Description = description,
            TemplateJson = TaskJson.Write(template),
            InputsJson = TaskJson.Write(inputs),
            WorkPathJson = TaskJson.Write(output is { } target ? WithOutputPath(target.WorkPath, target.OutputBase, versionId) : null),
            Status = (int)VersionStatus.Initialized,
            CreateTime = now,
            UpdateTime = now,
        });
        task.LastVersionSequence = sequence;
        task.VersionCount++;
        task.LatestVersionId = versionId;
        task.Status = (int)VersionStatus.Initialized;
        task.DurationSeconds = 0;
        task.StartTime = null;
        task.ErrorMsg = null;
        task.ResultJson = null;
        return versionId;
    }

    /// <summary>A version writes under <c>&lt;work path&gt;/output/&lt;task_version_id&gt;/</c>, ModelArts' layout.</summary>
    private static WorkPath WithOutputPath(WorkPath workPath, ObjectPath outputBase, string versionId)
    {
        var output = outputBase.Combine($"output/{versionId}");
        return workPath with { OutputPath = $"/{output.Bucket}/{output.Key}/" };
    }

    private static WorkPath? StripOutput(WorkPath? workPath) => workPath is null ? null : workPath with { OutputPath = null, VersionId = null };

    private static string InputKeyOf(IReadOnlyList<ProcessorDataSource> inputs) =>
        string.Join('|', inputs.Select(input => $"{input.Type}:{SourceKey.Of(input)}:{input.VersionId}"));

    private static async Task RepointLatestAsync(CatalogContext db, ProcessorTaskRecord task, CancellationToken cancellationToken)
    {
        var latest = await db.Versions.AsNoTracking().Where(version => version.TaskId == task.TaskId)
            .OrderByDescending(version => version.Sequence).FirstOrDefaultAsync(cancellationToken);
        task.VersionCount--;
        task.LatestVersionId = latest?.VersionId;
        task.Status = latest?.Status ?? (int)VersionStatus.Initialized;
        task.DurationSeconds = latest?.DurationSeconds ?? 0;
        task.StartTime = latest?.StartTime;
        task.ErrorMsg = latest?.ErrorMsg;
        task.ResultJson = latest?.ResultJson;
        await db.SaveChangesAsync(cancellationToken);
    }
}
