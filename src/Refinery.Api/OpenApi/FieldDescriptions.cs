namespace Refinery.Api.OpenApi;

/// <summary>
/// The ModelArts API reference's words for each field, by JSON name; where one name means different things in
/// different objects, <c>Type.field</c> takes precedence. Refinery's additions say so.
/// </summary>
public static class FieldDescriptions
{
    private static readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal)
    {
        ["task_id"] = "Processing task ID: 19 characters of [A-Za-z0-9].",
        ["task_version_id"] = "Task version ID: 19 characters of [A-Za-z0-9].",
        ["version_id"] = "Dataset version ID.",
        ["version_name"] = "Dataset version name.",
        ["name"] = "Name.",
        ["description"] = "Description: 0-256 characters, without ^!<>=&\"'.",
        ["data_source"] = "Input data source (the first of `inputs`).",
        ["inputs"] = "Input channels: OBS paths or dataset versions.",
        ["work_path"] = "Output channel.",
        ["template"] = "Algorithm template: the task type and its operators' parameters.",
        ["status"] = "Status: 0 initialized, 1 running, 2 completed, 3 failed, 4 stopped.",
        ["duration_seconds"] = "Run time in whole seconds; counts up while running.",
        ["create_time"] = "Creation time, epoch milliseconds (UTC).",
        ["update_time"] = "Last update time, epoch milliseconds (UTC).",
        ["start_time"] = "When the run started, epoch milliseconds (UTC); absent until it starts (Refinery).",
        ["end_time"] = "When the run ended (completed, failed or stopped), epoch milliseconds (UTC); absent until then (Refinery).",
        ["progress"] = "Samples through the map stage of the total the planner found (Refinery).",
        ["processed"] = "Samples processed so far.",
        ["total"] = "Samples in the input; absent until planning has counted them.",
        ["error_msg"] = "Error message; present only when the status is 3 (failed).",
        ["error_code"] = "ModelArts error code, e.g. ModelArts.0101.",
        ["result"] = "The analysis result (feature distributions); present only for completed sys_data_analyse tasks.",
        ["version_count"] = "Number of versions of the task.",
        ["workspace_id"] = "Workspace ID; 0 is the default workspace.",
        ["is_current"] = "Whether this is the newest task of its template over the same input.",
        ["create_version"] = "Whether to start version V001 at once; false leaves the task in status 0 until a version is created.",
        ["count"] = "Total number of records that match, over all pages.",
        ["has_more"] = "Whether records remain after this page: offset + returned < count.",
        ["origin_sample_count"] = "Samples before processing.",
        ["add_sample_count"] = "Samples (images) added by processing.",
        ["modified_sample_count"] = "Samples modified.",
        ["unmodified_sample_count"] = "Samples left as they were.",
        ["deleted_sample_count"] = "Samples deleted.",
        ["sample_id"] = "MD5 of the sample's OBS path.",
        ["origin_source"] = "Source sample location.",
        ["new_source"] = "Processed sample location, under the output path; absent for deleted samples.",
        ["signed_origin_source"] = "Pre-signed URL of the source.",
        ["signed_new_source"] = "Pre-signed URL of the output.",
        ["result_property"] = "-1 all (filter only), 0 reserved (kept unchanged), 1 modified, 2 deleted, 3 added.",
        ["result_description"] = "Processing notes: why a sample was changed or removed.",
        ["values"] = "Per-sample values: features, quality scores, hashes (Refinery).",
        ["type"] = "OBS | TASK | DATASET | CUSTOM.",
        ["source"] = "Depends on type: an OBS path, a processing-task ID or a dataset ID.",
        ["path"] = "OBS path when type is OBS; dataset ID when type is DATASET.",
        ["output_path"] = "Where the version published its output: /<bucket>/<dir>/output/<task_version_id>/; only once completed.",
        ["operator_params"] = "The operators and their parameters.",
        ["params"] = "Operator parameters; ModelArts clients send numbers and booleans as strings.",
        ["advanced_params_switch"] = "Turns advanced parameters on.",
        ["id"] = "ID.",
        ["dataset_id"] = "Dataset ID: 19 characters of [A-Za-z0-9].",
        ["dataset_name"] = "Dataset name: 1-100 characters.",
        ["dataset_type"] = "Dataset type: 0 image classification, 1 object detection.",
        ["data_sources"] = "Where the dataset's data is imported from.",
        ["data_type"] = "Data source type: 0 OBS.",
        ["data_path"] = "The OBS folder to import.",
        ["expires_at"] = "When the token stops being accepted (ISO 8601, UTC): 24 hours after it was issued.",
        ["issued_at"] = "When the token was issued (ISO 8601, UTC).",
        ["methods"] = "How the token was obtained: password.",
    };

    private static readonly Dictionary<string, string> _byTypeAndName = new(StringComparer.Ordinal)
    {
        ["VersionResponse.version_name"] = "Task version name: V001, V002, … per task.",
        ["VersionResponse.description"] = "Version description.",
        ["TaskObject.name"] = "Task name: 1-64 characters of [A-Za-z0-9_-], unique in the project's workspace.",
        ["TaskObject.version_id"] = "The input dataset version ID.",
        ["TaskObject.version_name"] = "The input dataset version name.",
        ["CreateTaskRequest.name"] = "Task name: 1-64 characters of [A-Za-z0-9_-], unique in the project's workspace.",
        ["CreateVersionRequest.name"] = "A name for the version; the version itself is named V001, V002, … in order.",
        ["SampleResultResponse.version_id"] = "Task version ID.",
        ["TemplateParam.id"] = "Template ID, the task type: sys_data_analyse, sys_data_cleaning, sys_data_augmentation, sys_data_validation, sys_data_selection.",
        ["TemplateParam.name"] = "Template name.",
        ["OperatorParam.name"] = "Operator name, e.g. MetaValidation, QualityFilter, PCC, SimDeduplication.",
        ["OperatorParam.id"] = "Operator ID.",
        ["WorkPath.type"] = "OBS | DATASET.",
        ["WorkPath.version_id"] = "The dataset version the run published, once completed.",
        ["WorkPath.name"] = "Dataset name (filled in on responses).",
        ["ProcessorDataSource.name"] = "Dataset name (filled in on responses).",
    };

    /// <summary>The description of a field of a type, or null when the reference has none.</summary>
    public static string? For(string? typeName, string jsonName) =>
        typeName is not null && _byTypeAndName.TryGetValue($"{typeName}.{jsonName}", out var specific) ? specific
        : _byName.GetValueOrDefault(jsonName);
}
