using System.Text.Json.Nodes;
using Refinery.Catalog.Records;
using Refinery.Engine.Datasets;
using Refinery.Storage;

namespace Refinery.Api.Datasets;

/// <summary>Maps dataset records onto the documented response objects.</summary>
public static class DatasetResponseMapper
{
    /// <param name="withLabels">Whether to list the dataset's labels (the list API leaves them out unless asked).</param>
    public static DatasetResponse ToResponse(DatasetRecord dataset, DatasetVersionRecord? current, bool withLabels) => new(
        dataset.DatasetId,
        dataset.Name,
        dataset.DatasetType,
        dataset.Description,
        dataset.Status,
        dataset.CreateTime,
        dataset.UpdateTime,
        dataset.CurrentVersionId,
        dataset.CurrentVersionName,
        dataset.VersionCount,
        dataset.NextVersionNumber,
        [new DataSourceResponse(dataset.DataPath, 0)],
        dataset.WorkPath,
        WorkPathType: 0,
        DatasetLayout.DisplayFolder(DatasetLayout.AnnotationFolder(StoragePathParser.Parse("work_path", dataset.WorkPath), dataset.DatasetId)),
        DatasetLayout.InnerDataPath(dataset.DataPath),
        withLabels ? [.. LabelStatsJson.Read(dataset.LabelStatsJson).Select(label => new DatasetLabelResponse(label.Name, dataset.DatasetType))] : null,
        dataset.TotalSampleCount,
        dataset.AnnotatedSampleCount,
        DataFormat: "Default",
        dataset.WorkspaceId,
        dataset.ImportTaskId,
        dataset.ErrorMsg,
        current is null ? null : [ToResponse(current, dataset)]);

    public static DatasetVersionResponse ToResponse(DatasetVersionRecord version, DatasetRecord dataset) => new(
        version.VersionId,
        version.Name,
        version.Description,
        version.Status,
        version.CreateTime,
        version.UpdateTime,
        version.PreviousVersionId,
        IsCurrent: dataset.CurrentVersionId == version.VersionId,
        version.ManifestPath,
        version.DataPath,
        version.TotalSampleCount,
        version.AnnotatedSampleCount,
        version.AddSampleCount,
        version.DeletedSampleCount,
        version.ModifiedSampleCount,
        [.. LabelStatsJson.Read(version.LabelStatsJson).Select(label => new LabelStatsResponse(label.Name, dataset.DatasetType, label.Count, label.SampleCount))],
        TrainEvaluateSampleRatio: "1.00",
        TaskType: dataset.DatasetType,
        VersionFormat: "Default",
        version.AnalysisStatus,
        version.AnalysisTaskId,
        version.DataAnalysisJson is null ? null : JsonNode.Parse(version.DataAnalysisJson),
        version.ProcessorTaskId,
        version.ProcessorTaskStatus,
        version.DataValidated);
}
