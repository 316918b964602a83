namespace Refinery.Engine.Datasets;

/// <summary>A validated create-dataset request.</summary>
/// <param name="DatasetType">0 image classification, 1 object detection.</param>
/// <param name="DataPath">The OBS folder or manifest to import.</param>
/// <param name="WorkPath">The dataset's own folder for manifests and output.</param>
public sealed record DatasetDefinition(string Name, string? Description, int DatasetType, string DataPath, string WorkPath, string WorkspaceId);
