using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Refinery.Api.OpenApi;

/// <summary>The document's title, its two kinds of credential, and the tags the operations are grouped under.</summary>
public sealed class ModelArtsDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string TokenScheme = "X-Auth-Token";
    public const string SignatureScheme = "SDK-HMAC-SHA256";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Refinery",
            Version = "v1",
            Description = "The Huawei Cloud ModelArts data-processing API (Data Management, old version), self-hosted: processing tasks, their versions " +
                "and results, and the datasets they read. Every `/v2/{project_id}/…` route needs a credential of that project: an `X-Auth-Token` " +
                "(from `POST /v3/auth/tokens` or `refinery credentials token create`) or an AK/SK signature (`SDK-HMAC-SHA256`). " +
                "Errors are `{\"error_code\",\"error_msg\"}` with ModelArts codes; absent values are omitted, never null; times are epoch milliseconds.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [TokenScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = TokenScheme,
                Description = "A token of the project: from POST /v3/auth/tokens (valid 24 hours) or made with the refinery CLI.",
            },
            [SignatureScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "An APIG AK/SK signature: `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` with `X-Sdk-Date`.",
            },
        };
        document.Tags = new HashSet<OpenApiTag>(
            RouteDescriptions.ByRoute.Values.Select(described => described.Tag).Distinct().Select(tag => new OpenApiTag { Name = tag }));
        return Task.CompletedTask;
    }
}
