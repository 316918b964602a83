using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Refinery.Api.Errors;
using Refinery.Api.ProcessorTasks;
using Refinery.Domain;

namespace Refinery.Api.Authentication;

/// <summary>
/// Authenticates every <c>/v2/{project_id}/…</c> request by <c>X-Auth-Token</c> or an <c>SDK-HMAC-SHA256</c>
/// AK/SK signature: 401 when the credential is missing, unknown or does not verify, 403 <c>ModelArts.0210</c>
/// when it belongs to another project than the URL names.
/// </summary>
public sealed class ProjectAuthenticationMiddleware(RequestDelegate next, CredentialStore credentials, TimeProvider clock)
{
    private const int MaxSignedBodyBytes = 12 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!TryGetProjectSegment(context.Request.Path, out var urlProject))
        {
            await next(context);
            return;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var project = authorization.StartsWith(SdkHmacSha256Signer.Algorithm, StringComparison.Ordinal)
            ? await ProjectOfSignatureAsync(context, authorization)
            : await ProjectOfTokenAsync(context);
        if (project is null)
        {
            return; // the refusal has been written
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

    private async Task<string?> ProjectOfTokenAsync(HttpContext context)
    {
        var token = context.Request.Headers["X-Auth-Token"].ToString();
        if (token.Length == 0)
        {
            await ErrorResponses.WriteAsync(context, 401, "ModelArts.0201", "Token missing: send X-Auth-Token or sign the request with AK/SK.");
            return null;
        }

        var project = await credentials.ProjectOfTokenAsync(token, context.RequestAborted);
        if (project is null)
        {
            await ErrorResponses.WriteAsync(context, 401, "ModelArts.4201", "The token is invalid or expired.");
        }

        return project;
    }

    private async Task<string?> ProjectOfSignatureAsync(HttpContext context, string authorization)
    {
        var accessKey = SdkHmacSha256Authorization.TryParse(authorization, out var parsed) ? parsed!.AccessKey : null;
        var key = accessKey is null ? null : await credentials.FindAccessKeyAsync(accessKey, context.RequestAborted);

        // The signature covers the body, so it is read here and rewound for the endpoint.
        context.Request.EnableBuffering(MaxSignedBodyBytes);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Request.Body.Position = 0;

        var verifier = new SdkHmacSha256Verifier(candidate => candidate == key?.AccessKey ? key.SecretKey : null, clock);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? $"{context.Request.Path}{context.Request.QueryString}";
        var result = verifier.Verify(SignableRequest.FromRequestTarget(
            context.Request.Method, target, RequestHeaderMap.From(context.Request.Headers), body.ToArray()));
        if (result.Failure is { } failure)
        {
            await ErrorResponses.WriteAsync(context, failure.HttpStatus, failure.ErrorCode, failure.ErrorMessage);
            return null;
        }

        return key!.ProjectId;
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
