using Refinery.Api.Datasets;
using Refinery.Api.Health;
using Refinery.Api.Identity;
using Refinery.Api.Json;
using Refinery.Api.Observability;
using Refinery.Api.OpenApi.Schemas;

namespace Refinery.Api.OpenApi;

/// <summary>
/// Every route's summary, tag and error codes, keyed by method and route pattern: data, in one place, so that the
/// endpoint classes stay as the ModelArts API reads and a test can check that no mapped route lacks one.
/// </summary>
public static class RouteDescriptions
{
    private const string Tasks = "Processing tasks";
    private const string Versions = "Task versions";
    private const string Datasets = "Datasets";
    /// <summary>The tag of IAM's route, whose errors are IAM's rather than ModelArts'.</summary>
    public const string IdentityTag = "Identity";
    private const string Operations = "Operations";
    private const string TaskPath = "/v2/{project_id}/processor-tasks";
    private const string VersionPath = TaskPath + "/{task_id}/versions";
    private const string DatasetPath = "/v2/{project_id}/datasets";

    public static IReadOnlyDictionary<string, OperationDescription> ByRoute { get; } = new Dictionary<string, OperationDescription>(StringComparer.Ordinal)
    {
        [Key("POST", TaskPath)] = new(Tasks, "Creating a Processing Task", typeof(CreatedTaskResponse), RequestBody: typeof(CreateTaskRequest)),
        [Key("GET", TaskPath)] = new(Tasks, "Querying the List of Processing Tasks", typeof(TaskListObject)),
        [Key("GET", TaskPath + "/items")] = new(Tasks, "Querying the Algorithm Types", typeof(TemplateItemsResponse)),
        [Key("GET", TaskPath + "/{task_id}")] = new(Tasks, "Querying Details About a Processing Task", typeof(TaskObject), "ModelArts.4700"),
        [Key("PUT", TaskPath + "/{task_id}")] = new(Tasks, "Updating a Processing Task", typeof(EmptyResponse), "ModelArts.4700", typeof(UpdateTaskRequest)),
        [Key("DELETE", TaskPath + "/{task_id}")] = new(Tasks, "Deleting a Processing Task", typeof(EmptyResponse), "ModelArts.4700"),
        [Key("POST", VersionPath)] = new(Versions, "Creating a Data Processing Task Version", typeof(CreatedVersionResponse), "ModelArts.4700", typeof(CreateVersionRequest)),
        [Key("GET", VersionPath)] = new(Versions, "Querying the Version List", typeof(VersionListResponse), "ModelArts.4700"),
        [Key("GET", VersionPath + "/{version_id}")] = new(Versions, "Querying Details About a Task Version", typeof(VersionResponse), "ModelArts.4851"),
        [Key("DELETE", VersionPath + "/{version_id}")] = new(Versions, "Deleting a Task Version", null, "ModelArts.4851") { SuccessStatus = 204 },
        [Key("GET", VersionPath + "/{version_id}/results")] = new(Versions, "Querying the Result of a Task Version", typeof(ResultListResponse), "ModelArts.4851"),
        [Key("POST", VersionPath + "/{version_id}/stop")] = new(Versions, "Stopping a Task Version", typeof(EmptyResponse), "ModelArts.4851"),
        [Key("GET", VersionPath + "/{version_id}/events")] = new(Versions, "Following a Task Version (Refinery)", typeof(string), "ModelArts.4851")
        {
            ContentType = "text/event-stream",
            Description = "A `text/event-stream` of events of type `version`, each holding the version object as `GET …/versions/{version_id}` returns it, " +
                "sent when its status or progress changes. The stream ends after the event with a final status (2, 3 or 4), or when the version is deleted.",
        },
        [Key("POST", DatasetPath)] = new(Datasets, "Creating a Dataset", typeof(CreatedDatasetResponse), RequestBody: typeof(CreateDatasetRequest)) { SuccessStatus = 201 },
        [Key("GET", DatasetPath)] = new(Datasets, "Querying the Dataset List", typeof(DatasetListResponse)),
        [Key("GET", DatasetPath + "/{dataset_id}")] = new(Datasets, "Querying Details About a Dataset", typeof(DatasetResponse), "ModelArts.4352"),
        [Key("DELETE", DatasetPath + "/{dataset_id}")] = new(Datasets, "Deleting a Dataset", null, "ModelArts.4352") { SuccessStatus = 204 },
        [Key("POST", DatasetPath + "/{dataset_id}/versions")] = new(Datasets, "Creating a Dataset Version", typeof(CreatedDatasetVersionResponse), "ModelArts.4352", typeof(CreateDatasetVersionRequest)) { SuccessStatus = 201 },
        [Key("GET", DatasetPath + "/{dataset_id}/versions")] = new(Datasets, "Querying the Dataset Version List", typeof(DatasetVersionListResponse), "ModelArts.4352"),
        [Key("GET", DatasetPath + "/{dataset_id}/versions/{version_id}")] = new(Datasets, "Querying Details About a Dataset Version", typeof(DatasetVersionResponse), "ModelArts.4353"),
        [Key("POST", "/v3/auth/tokens")] = new(IdentityTag, "Obtaining a User Token Through Password Authentication", typeof(TokenResponse), RequestBody: typeof(PasswordAuthBody))
        {
            SuccessStatus = 201,
            Description = "IAM's password sign-in: the token comes back in the `X-Subject-Token` header and is valid for 24 hours. " +
                "Failures are IAM's error body `{\"error\":{\"code\",\"title\",\"message\"}}`: 400 for a malformed body, 401 for a wrong password, an unknown user or a project the user is not in.",
        },
        [Key("GET", "/signed/{bucket}/{**key}")] = new(Operations, "Opening a Signed Link (Refinery)", typeof(byte[]))
        {
            ContentType = "application/octet-stream",
            Description = "The target of `signed_origin_source` and `signed_new_source` for local buckets: the object, or a thumbnail of it when the link carries a resize. " +
                "The link's signature is the credential; 403 once it expires or when it was altered.",
        },
        [Key("GET", "/healthz")] = new(Operations, "Liveness (Refinery)", typeof(HealthStatus)) { Description = "200 while the process answers. No credential." },
        [Key("GET", "/readyz")] = new(Operations, "Readiness (Refinery)", typeof(HealthStatus))
        {
            Description = "200 when the catalog and every bucket are reachable; 503 `ModelArts.4302` naming what is not. No credential.",
        },
        [Key("GET", "/metrics")] = new(Operations, "Prometheus metrics (Refinery)", typeof(string))
        {
            ContentType = MetricsEndpoints.ContentType,
            Description = "The Prometheus text format: `http_requests_received_total`, `refinery_task_versions{status}`, `refinery_samples_processed`, " +
                "`refinery_operator_duration_seconds{operator}` and the process's own. No credential: expose it to the scraper's network only.",
        },
    };

    /// <summary>
    /// The table's key of a route: its method and pattern without slashes at either end and without the catch-all
    /// stars, which is how both the endpoint's pattern and the API description's relative path read.
    /// </summary>
    public static string Key(string method, string routePattern) =>
        $"{method} {routePattern.Replace("**", "", StringComparison.Ordinal).Trim('/')}";
}
