using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Fuzzing;

/// <summary>
/// Every route of src/Refinery.Api/**/*Endpoints.cs behind a project: the 12 processor-task operations and the 7
/// dataset operations, with the query parameters each reads and a valid body for those that take one.
/// </summary>
public static class ApiRoutes
{
    private const string Tasks = "/v2/{project}/processor-tasks";
    private const string Versions = Tasks + "/{task}/versions";
    private const string DatasetsPath = "/v2/{project}/datasets";

    private static readonly string[] _paging = ["offset", "limit", "order", "sort_by"];

    public static IReadOnlyList<FuzzRoute> All { get; } =
    [
        new("POST", Tasks, [], number => TaskBodies.Validation($"fuzz-{number}", "obs://imgs/fuzz-in", $"obs://imgs/fuzz-out-{number}", createVersion: false)),
        new("GET", Tasks, [.. _paging, "source_type", "source", "status", "task_name", "task_type", "version_id", "query_current", "workspace_id", "create_time_after", "create_time_before", "return_result"]),
        new("GET", Tasks + "/items", ["offset", "limit"]),
        new("GET", Tasks + "/{task}", []),
        new("PUT", Tasks + "/{task}", [], number => $$"""{ "description": "fuzz {{number}}" }"""),
        new("DELETE", Tasks + "/{task}", []),
        new("POST", Versions, [], number => $$"""{ "name": "fuzz-version-{{number}}", "description": "again" }"""),
        new("GET", Versions, _paging),
        new("GET", Versions + "/{version}", []),
        new("DELETE", Versions + "/{version}", []),
        new("GET", Versions + "/{version}/results", ["offset", "limit", "result_property", "process_parameter"]),
        new("POST", Versions + "/{version}/stop", []),
        new("POST", DatasetsPath, [], number => $$"""
            { "dataset_name": "fuzz-ds-{{number}}", "dataset_type": 0, "work_path": "/imgs/fuzz-work-{{number}}/", "description": "d",
              "data_sources": [ { "data_type": 0, "data_path": "obs://imgs/fuzz-in" } ], "workspace_id": "0" }
            """),
        new("GET", DatasetsPath, [.. _paging, "search_content", "workspace_id"]),
        new("GET", DatasetsPath + "/{dataset}", []),
        new("DELETE", DatasetsPath + "/{dataset}", []),
        new("POST", DatasetsPath + "/{dataset}/versions", [], number => $$"""{ "version_name": "V{{number % 1000}}", "description": "d" }"""),
        new("GET", DatasetsPath + "/{dataset}/versions", ["offset", "limit"]),
        new("GET", DatasetsPath + "/{dataset}/versions/{dataset_version}", []),
    ];
}
