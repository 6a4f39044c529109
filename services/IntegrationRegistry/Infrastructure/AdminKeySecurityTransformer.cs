using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.IntegrationRegistry.Infrastructure;

/// <summary>Declares the bearer schemes (tenant admin key, operator key) in the OpenAPI document.</summary>
public sealed class AdminKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Integration registry admin API";
        document.Info.Description =
            "Tenant administration (Authorization: Bearer adm_...) and the platform operator API (Authorization: Bearer <operator key>). " +
            "Every admin endpoint is confined to the admin key's tenant.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["AdminKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A tenant admin key (adm_...).",
        };
        document.Components.SecuritySchemes["Operator"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The platform operator key (Registry:OperatorKey).",
        };
        return Task.CompletedTask;
    }
}
