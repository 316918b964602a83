using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Refinery.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.1 description of every route at <c>/openapi/v1.json</c>, and a reference page over it at <c>/docs</c>
/// (Scalar, its script served by this server: nothing is fetched from elsewhere). Neither needs a credential.
/// </summary>
public static class OpenApiEndpoints
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string ReferencePath = "/docs";

    public static IServiceCollection AddRefineryOpenApi(this IServiceCollection services)
    {
        // The schemas are made with these options: they must describe the wire as the handlers write it.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<ModelArtsDocumentTransformer>();
            options.AddOperationTransformer<ModelArtsOperationTransformer>();
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonPropertyInfo is { } property && schema.Description is null)
                {
                    schema.Description = FieldDescriptions.For(property.DeclaringType.Name, property.Name);
                }

                // Responses leave absent values out rather than send null, so a member that can be null may be missing.
                foreach (var nullable in context.JsonTypeInfo.Properties.Where(member => member.IsGetNullable))
                {
                    schema.Required?.Remove(nullable.Name);
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapRefineryOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        app.MapScalarApiReference(ReferencePath, options => options.WithTitle("Refinery API").WithOpenApiRoutePattern(DocumentPath));
        return app;
    }
}
