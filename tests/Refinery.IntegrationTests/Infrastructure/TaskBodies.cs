namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>Request bodies as ModelArts clients send them (parameter values as strings).</summary>
public static class TaskBodies
{
    public static string Validation(
        string name, string inputPath, string workPath, string taskType = "object_detection", int maxWidth = -1, int maxHeight = -1, bool createVersion = true) => $$"""
        {
          "name": "{{name}}", "description": "", "create_version": {{(createVersion ? "true" : "false")}}, "workspace_id": "0",
          "inputs": [ { "type": "OBS", "source": "{{inputPath}}" } ],
          "work_path": { "type": "OBS", "path": "{{workPath}}" },
          "template": { "id": "sys_data_validation",
            "operator_params": [ { "name": "MetaValidation", "advanced_params_switch": false,
              "params": { "task_type": "{{taskType}}", "dataset_type": "manifest", "source_service": "select",
                          "filter_func": "data_validation_select", "image_max_width": "{{maxWidth}}",
                          "image_max_height": "{{maxHeight}}", "total_status": "[0,1,2]" } } ] }
        }
        """;

    /// <summary>A feature-analysis task as the ModelArts console sends it: the data in data_source, op_list empty.</summary>
    public static string Analysis(string name, string source, string? opList = null, bool isNormed = false) => $$"""
        {
          "name": "{{name}}", "description": "",
          "data_source": { "type": "OBS", "source": "{{source}}" },
          "template": { "id": "sys_data_analyse",
            "operator_params": [ { "id": "sys_data_analyse", "params": { "op_list": [{{opList}}], "is_normed": {{(isNormed ? "true" : "false")}} } } ] }
        }
        """;

    /// <summary>A cleaning task: <c>sys_data_cleaning</c> with QualityFilter and the given extra params (JSON members).</summary>
    public static string QualityFilter(string name, string inputPath, string workPath, string extraParams = "") =>
        Processing("sys_data_cleaning", name, inputPath, workPath, ("QualityFilter", extraParams));

    /// <summary>A selection task: <c>sys_data_selection</c> with one operator (SimDeduplication or RRD) and the given extra params.</summary>
    public static string Selection(string operatorName, string name, string inputPath, string workPath, string extraParams = "") =>
        Processing("sys_data_selection", name, inputPath, workPath, (operatorName, extraParams));

    /// <summary>A cleaning task: <c>sys_data_cleaning</c> with PCC, its prototypes in <paramref name="prototypePath"/>.</summary>
    public static string Pcc(string name, string inputPath, string workPath, string prototypePath, string extraParams = "") =>
        Processing("sys_data_cleaning", name, inputPath, workPath, ("PCC", $"\"prototype_sample_path\": \"{prototypePath}\"" + (extraParams.Length > 0 ? ", " + extraParams : "")));

    /// <summary>A processing task whose template runs the given operators in order, each with its extra params (JSON members).</summary>
    public static string Processing(string templateId, string name, string inputPath, string workPath, params (string Name, string ExtraParams)[] operators) => $$"""
        {
          "name": "{{name}}", "description": "", "create_version": true, "workspace_id": "0",
          "inputs": [ { "type": "OBS", "source": "{{inputPath}}" } ],
          "work_path": { "type": "OBS", "path": "{{workPath}}" },
          "template": { "id": "{{templateId}}", "operator_params": [ {{string.Join(", ", operators.Select(op => $$"""
            { "name": "{{op.Name}}",
              "params": { "task_type": "image_classification", "dataset_type": "manifest", "total_status": "[0,2]"{{(op.ExtraParams.Length > 0 ? ", " + op.ExtraParams : "")}} } }
            """))}} ] }
        }
        """;

    /// <summary>
    /// An augmentation task: <c>sys_data_augmentation</c> with the given operators in order, each with its extra params
    /// (JSON members) beside the ones every ModelArts example sends.
    /// </summary>
    public static string Augmentation(string name, string inputPath, string workPath, string taskType, params (string Name, string Params)[] operators)
    {
        var operatorParams = string.Join(", ", operators.Select(op => $$"""
            { "name": "{{op.Name}}", "advanced_params_switch": false,
              "params": { "task_type": "{{taskType}}", "dataset_type": "manifest", "source_service": "select",
                          "filter_func": "data_augmentation", "total_status": "[3]"{{(op.Params.Length > 0 ? ", " + op.Params : "")}} } }
            """));
        return $$"""
            {
              "name": "{{name}}", "description": "", "create_version": true, "workspace_id": "0",
              "inputs": [ { "type": "OBS", "source": "{{inputPath}}" } ],
              "work_path": { "type": "OBS", "path": "{{workPath}}" },
              "template": { "id": "sys_data_augmentation", "operator_params": [ {{operatorParams}} ] }
            }
            """;
    }
}
