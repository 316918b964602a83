using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Refinery.Api.ProcessorTasks;
using Refinery.Domain;

namespace Refinery.Api.Identity;

/// <summary>
/// <c>POST /v3/auth/tokens</c> as IAM answers it for the password method with a project scope: 201, the token in the
/// <c>X-Subject-Token</c> header, the body's <c>token.expires_at</c> 24 hours later. Failures are IAM's error shape,
/// <c>{"error":{"code","title","message"}}</c>, not ModelArts'.
/// </summary>
public static class IdentityTokenEndpoints
{
    public const string SubjectTokenHeader = "X-Subject-Token";

    public static IEndpointRouteBuilder MapIdentityTokens(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v3/auth/tokens", SignInAsync);
        return routes;
    }

    private static async Task<Results<JsonHttpResult<TokenResponse>, JsonHttpResult<IamErrorResponse>>> SignInAsync(
        HttpContext context, PasswordSignIn signIn, CancellationToken cancellationToken)
    {
        PasswordAuthRequest request;
        try
        {
            using var body = await RequestBodyReader.ReadObjectAsync(context.Request, cancellationToken);
            request = PasswordAuthRequest.Read(body.RootElement);
        }
        catch (ModelArtsException error) when (error.HttpStatus == StatusCodes.Status400BadRequest)
        {
            return Error(StatusCodes.Status400BadRequest, "Bad Request", error.Message);
        }

        var issued = await signIn.SignInAsync(request.UserName, request.Password, request.Scope, cancellationToken);
        if (issued is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "Unauthorized", "The username or password is wrong, or the user may not act in the scoped project.");
        }

        context.Response.Headers[SubjectTokenHeader] = issued.Token;
        var domain = new IdentityDomain(request.DomainName);
        var token = new TokenBody(
            IamTime(issued.ExpiresAt),
            IamTime(issued.IssuedAt),
            ["password"],
            new TokenProject(issued.Project.ProjectId, issued.Project.Name, domain),
            new TokenUser(issued.User.UserId, issued.User.Name, domain));
        return TypedResults.Json(new TokenResponse(token), IdentityJsonContext.Wire.TokenResponse, statusCode: StatusCodes.Status201Created);
    }

    private static JsonHttpResult<IamErrorResponse> Error(int status, string title, string message) =>
        TypedResults.Json(new IamErrorResponse(new IamError(status, title, message)), IdentityJsonContext.Wire.IamErrorResponse, statusCode: status);

    /// <summary>IAM writes instants in UTC with microseconds: <c>2026-12-02T03:10:39.123000Z</c>.</summary>
    private static string IamTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
