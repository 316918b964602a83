using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Refinery.Api.Errors;
using Refinery.Api.Identity;

namespace Refinery.Api.OpenApi;

/// <summary>
/// Gives each operation what <see cref="RouteDescriptions"/> holds for its route — summary, tag, request and response
/// schemas — and, under <c>/v2/</c>, the credential it needs and the ModelArts errors it can answer with.
/// </summary>
public sealed class ModelArtsOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = RouteDescriptions.Key(context.Description.HttpMethod ?? "", context.Description.RelativePath ?? "");
        if (!RouteDescriptions.ByRoute.TryGetValue(route, out var described))
        {
            return; // left bare, which the description test reports by route
        }

        operation.Summary = described.Summary;
        operation.Description = described.Description;
        operation.Tags = new HashSet<OpenApiTagReference> { new(described.Tag, context.Document) };
        if (described.RequestBody is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await ComponentAsync(body, context, cancellationToken) },
                },
            };
        }

        operation.Responses ??= [];
        operation.Responses.Remove("200"); // what the handler's signature suggested, replaced by what it really answers
        var success = new OpenApiResponse
        {
            Description = described.SuccessStatus switch { 201 => "Created", 204 => "No Content", _ => "OK" },
            Content = described.Response is { } response
                ? new Dictionary<string, OpenApiMediaType>
                {
                    [described.ContentType] = new() { Schema = await ComponentAsync(response, context, cancellationToken) },
                }
                : null,
        };
        operation.Responses[described.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)] = success;

        if (context.Description.RelativePath?.StartsWith("v2/", StringComparison.Ordinal) == true)
        {
            await AddModelArtsErrorsAsync(operation, context, described, cancellationToken);
        }
        else if (described.Tag == RouteDescriptions.IdentityTag)
        {
            success.Headers = new Dictionary<string, IOpenApiHeader>
            {
                [IdentityTokenEndpoints.SubjectTokenHeader] = new OpenApiHeader
                {
                    Description = "The token, valid 24 hours: send it as X-Auth-Token.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            };
            var error = await ComponentAsync(typeof(IamErrorResponse), context, cancellationToken);
            operation.Responses["400"] = Error(error, "A malformed body: IAM's error body naming the field.");
            operation.Responses["401"] = Error(error, "A wrong password, an unknown user, or a project the user is not in.");
        }
    }

    private static async Task AddModelArtsErrorsAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, OperationDescription described, CancellationToken cancellationToken)
    {
        var error = await ComponentAsync(typeof(ErrorBody), context, cancellationToken);
        operation.Responses!["400"] = Error(error, ErrorCodes.BadRequest);
        operation.Responses["401"] = Error(error, ErrorCodes.Unauthorized);
        operation.Responses["403"] = Error(error, ErrorCodes.Forbidden);
        operation.Responses["404"] = Error(
            error, described.NotFoundCode is { } code ? $"`{code}` an id in the path is unknown in this project; {ErrorCodes.UnknownRoute}" : ErrorCodes.UnknownRoute);
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ModelArtsDocumentTransformer.TokenScheme, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ModelArtsDocumentTransformer.SignatureScheme, context.Document)] = [] },
        ];
    }

    /// <summary>
    /// The schema of a body type as a reference to <c>components/schemas/{type name}</c>, added there on first use, so
    /// that the objects every route shares (the version, the error body) are described once; strings and bytes stay inline.
    /// </summary>
    private static async Task<IOpenApiSchema> ComponentAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        if (type == typeof(string) || type.IsArray)
        {
            return schema;
        }

        context.Document!.Components ??= new OpenApiComponents();
        context.Document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        context.Document.Components.Schemas.TryAdd(type.Name, schema);
        return new OpenApiSchemaReference(type.Name, context.Document);
    }

    private static OpenApiResponse Error(IOpenApiSchema schema, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
    };
}
