using Microsoft.AspNetCore.Http;
using Refinery.Api.Errors;
using Refinery.Api.ProcessorTasks;
using Refinery.Domain;

namespace Refinery.Api.Authentication;

/// <summary>
/// Authenticates every <c>/v2/{project_id}/…</c> request by <c>X-Auth-Token</c>: 401 when the credential is
/// missing or unknown, 403 <c>ModelArts.0210</c> when it belongs to another project than the URL names.
/// </summary>
public sealed class ProjectAuthenticationMiddleware(RequestDelegate next, CredentialStore credentials)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!TryGetProjectSegment(context.Request.Path, out var urlProject))
        {
            await next(context);
            return;
        }

        var token = context.Request.Headers["X-Auth-Token"].ToString();
        if (token.Length == 0)
        {
            await ErrorResponses.WriteAsync(context, 401, "ModelArts.0201", "Token missing: send X-Auth-Token.");
            return;
        }

        var project = await credentials.ProjectOfTokenAsync(token, context.RequestAborted);
        if (project is null)
        {
            await ErrorResponses.WriteAsync(context, 401, "ModelArts.4201", "The token is invalid or expired.");
            return;
        }

        var headerProject = context.Request.Headers["X-Project-Id"].ToString();
        if (project != urlProject || (headerProject.Length > 0 && headerProject != urlProject))
        {
            await ErrorResponses.WriteAsync(context, ModelArtsErrors.WrongProject(urlProject));
            return;
        }

        ProjectScope.Set(context, project);
        await next(context);
    }

    private static bool TryGetProjectSegment(PathString path, out string projectId)
    {
        projectId = "";
        var value = path.Value;
        if (value is null || !value.StartsWith("/v2/", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = value.AsSpan(4);
        var end = rest.IndexOf('/');
        projectId = (end < 0 ? rest : rest[..end]).ToString();
        return projectId.Length > 0;
    }
}
