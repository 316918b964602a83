using Microsoft.AspNetCore.Http;

namespace Refinery.Api.ProcessorTasks;

/// <summary>The project the authenticated caller acts in, set by authentication.</summary>
public static class ProjectScope
{
    private const string Key = "refinery.project_id";

    public static void Set(HttpContext context, string projectId) => context.Items[Key] = projectId;

    public static string Get(HttpContext context) =>
        context.Items[Key] as string ?? throw new InvalidOperationException("The request was not authenticated.");
}
