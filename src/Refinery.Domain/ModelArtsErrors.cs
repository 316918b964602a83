namespace Refinery.Domain;

/// <summary>The ModelArts error codes Refinery uses, each with its HTTP status, in one place.</summary>
public static class ModelArtsErrors
{
    /// <summary>400 ModelArts.0101: a field breaks a rule; the message names both.</summary>
    public static ModelArtsException InvalidArgument(string field, string rule) =>
        new(400, "ModelArts.0101", $"Invalid argument '{field}': {rule}");

    public static ModelArtsException NotJson(string detail) =>
        new(400, "ModelArts.4105", $"The request body is not valid JSON: {detail}");

    public static ModelArtsException EmptyBody() => new(400, "ModelArts.4202", "The request body is empty.");

    public static ModelArtsException TaskNotFound(string taskId, int status = 404) =>
        new(status, "ModelArts.4700", $"Processor task {taskId} does not exist.");

    public static ModelArtsException VersionNotFound(string versionId, int status = 404) =>
        new(status, "ModelArts.4851", $"Task version {versionId} does not exist.");

    public static ModelArtsException DatasetNotFound(string datasetId, int status = 404) =>
        new(status, "ModelArts.4352", $"Dataset {datasetId} does not exist.");

    public static ModelArtsException DatasetVersionNotFound(string versionId, int status = 404) =>
        new(status, "ModelArts.4353", $"Dataset version {versionId} does not exist.");

    public static ModelArtsException DuplicateTaskName(string name) =>
        new(400, "ModelArts.4709", $"Data preprocessing task '{name}' already exists in this workspace.");

    public static ModelArtsException TaskBusy(string what) =>
        new(403, "ModelArts.4850", $"Process task is initializing or running, the operation is forbidden: {what}");

    public static ModelArtsException TaskNotFinished(string versionId) =>
        new(403, "ModelArts.4613", $"Task version {versionId} has not finished; its results are not available yet.");

    public static ModelArtsException BucketMissing(string bucket) =>
        new(400, "ModelArts.4311", $"OBS bucket '{bucket}' does not exist: it is not a configured storage root.");

    public static ModelArtsException PathMissing(string path, int status = 400) =>
        new(status, "ModelArts.4312", $"OBS path '{path}' does not exist.");

    public static ModelArtsException PathInvalidCharacters(string path, string rule) =>
        new(400, "ModelArts.4313", $"OBS path '{path}' is invalid: {rule}");

    public static ModelArtsException PathHasDoubleSlash(string path) =>
        new(400, "ModelArts.4315", $"OBS path '{path}' must not contain '//'.");

    public static ModelArtsException WorkPathInsideInput(string field, string workPath, string inputPath) =>
        new(400, "ModelArts.4205", $"{field} {workPath} must not be the input path {inputPath} or lie inside it.");

    public static ModelArtsException UnknownRoute(string path) =>
        new(404, "ModelArts.4204", $"API {path} does not exist.");

    /// <summary>403 ModelArts.0108: a signed link that has expired or does not carry its own signature.</summary>
    public static ModelArtsException SignedLinkRefused(string why) =>
        new(403, "ModelArts.0108", $"The signed link is refused: {why}.");

    public static ModelArtsException WrongProject(string projectId) =>
        new(403, "ModelArts.0210", $"The credential is not valid for project {projectId}.");

    /// <summary>503 ModelArts.4302: something the server depends on (catalog, a bucket) cannot be reached.</summary>
    public static ModelArtsException BackendUnavailable(string what) =>
        new(503, "ModelArts.4302", $"Backend unavailable: {what}");

    public static ModelArtsException Internal(string detail) => new(500, "ModelArts.0010", $"Internal error: {detail}");
}
