using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Refinery.Api.Errors;
using Refinery.Api.ProcessorTasks;
using Refinery.Domain;

namespace Refinery.Api.Authentication;

/// <summary>
/// Authenticates every <c>/v2/{project_id}/…</c> request by <c>X-Auth-Token</c> or an <c>SDK-HMAC-SHA256</c>
/// AK/SK signature: 401 when the credential is missing, unknown or does not verify, 403 <c>ModelArts.0210</c>
/// when it belongs to another project than the URL names. No body byte is read before the credential has been checked
/// as far as it can be without the body.
/// </summary>
public sealed class ProjectAuthenticationMiddleware(RequestDelegate next, CredentialStore credentials, TimeProvider clock)
{
    private readonly SdkHmacSha256Verifier _verifier = new(clock);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!TryGetProjectSegment(context.Request.Path, out var urlProject))
        {
            await next(context);
            return;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var project = authorization.StartsWith(SdkHmacSha256Signer.Algorithm, StringComparison.Ordinal)
            ? await ProjectOfSignatureAsync(context)
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

    /// <summary>
    /// Everything that can refuse a request without its body is checked first — the header's shape, the date window,
    /// the access key — so that an unauthenticated client cannot make the server read, let alone hold, its body.
    /// </summary>
    private async Task<string?> ProjectOfSignatureAsync(HttpContext context)
    {
        var headers = RequestHeaderMap.From(context.Request.Headers);
        if (!_verifier.TryAcceptHeaders(headers, out var authorization, out var failure))
        {
            await RefuseAsync(context, failure);
            return null;
        }

        var key = await credentials.FindAccessKeyAsync(authorization.AccessKey, context.RequestAborted);
        var bodyHash = key is null || SdkHmacSha256Canonicalizer.DeclaresUnsignedPayload(headers)
            ? null
            : await RequestBodyHasher.HashAndRewindAsync(context.Request, context.RequestAborted);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? $"{context.Request.Path}{context.Request.QueryString}";
        var result = SdkHmacSha256Verifier.VerifySignature(
            SignableRequest.FromRequestTarget(context.Request.Method, target, headers, bodyHash), authorization, key?.SecretKey);
        if (result.Failure is not null)
        {
            await RefuseAsync(context, result.Failure);
            return null;
        }

        return key!.ProjectId;
    }

    private static Task RefuseAsync(HttpContext context, SignatureFailure failure) =>
        ErrorResponses.WriteAsync(context, failure.HttpStatus, failure.ErrorCode, failure.ErrorMessage);

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
