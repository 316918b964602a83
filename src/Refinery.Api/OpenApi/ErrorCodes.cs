namespace Refinery.Api.OpenApi;

/// <summary>The ModelArts error codes each kind of failure answers with, as the description lists them.</summary>
public static class ErrorCodes
{
    public const string BadRequest =
        "`ModelArts.4105` the body is not JSON; `ModelArts.4202` the body is empty; `ModelArts.0101` an invalid argument (the message names the field and the rule); " +
        "`ModelArts.4709` a task name already used in the workspace; `ModelArts.4314` the object store behind a bucket failed.";

    public const string Unauthorized =
        "`ModelArts.0201` no credential; `ModelArts.4201` the token is unknown or expired; `APIGW.0301` the AK/SK signature does not verify.";

    public const string Forbidden =
        "`ModelArts.0210` the credential belongs to another project than the URL's `project_id`; `ModelArts.4850` the task or version is running; " +
        "`ModelArts.4613` the results of a version that has not finished.";

    public const string UnknownRoute = "`ModelArts.4204` no such route.";
}
