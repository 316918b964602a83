namespace Refinery.Operators.Pipeline;

/// <summary>
/// One operator of a template, its parameters parsed: a sample stage, a dataset stage, or both (the sample stage
/// runs first and records what the dataset stage decides on).
/// </summary>
/// <param name="Name">The operator's name as requests give it (<c>MetaValidation</c>, <c>QualityFilter</c>).</param>
/// <param name="TaskType">The scene type its params name (<c>image_classification</c> or <c>object_detection</c>).</param>
/// <param name="ReferenceFolders">Folders of reference images it reads besides the inputs, checked when the task is created.</param>
public sealed record PipelineOperator(
    string Name, string TaskType, ISampleStage? SampleStage, IDatasetStage? DatasetStage, IReadOnlyList<ReferenceFolder>? ReferenceFolders = null);
