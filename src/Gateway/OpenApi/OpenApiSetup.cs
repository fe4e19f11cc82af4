using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Spin.Gateway.OpenApi;

/// <summary>The OpenAPI document at <c>/api-docs/openapi.json</c> ("Spin API Service" 1.0.0, as spin-server's), generated
/// from the endpoints, and Swagger UI at <c>/swagger-ui</c> ("Spin API Documentation"), both served from this process
/// (no CDN).</summary>
public static class OpenApiSetup
{
    /// <summary>The document's title, spin-server's.</summary>
    public const string Title = "Spin API Service";

    /// <summary>The document's version, spin-server's.</summary>
    public const string Version = "1.0.0";

    /// <summary>The UI page's title, spin-server's.</summary>
    public const string UiTitle = "Spin API Documentation";

    /// <summary>Where the document is served.</summary>
    public const string DocumentPath = "/api-docs/openapi.json";

    /// <summary>Registers the document generator.</summary>
    public static WebApplicationBuilder AddSpinOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("openapi", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = Title,
                Version = Version,
                Description = "Spin.Orleans: the SpinPet indexer's HTTP API, compatible with spin-server. Every response is the envelope "
                    + "{success, data, message}; bad input is answered 400 with the endpoint's empty data and a message naming the problem.",
            };
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>Maps the document and the UI.</summary>
    public static WebApplication UseSpinOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/api-docs/{documentName}.json");
        app.UseSwaggerUiWithoutRedirect();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = SwaggerUiPage.RoutePrefix;
            ui.DocumentTitle = UiTitle;
            ui.IndexStream = SwaggerUiPage.Open;
            ui.SwaggerEndpoint(DocumentPath, Title);
        });
        return app;
    }

    /// <summary>Documents a JSON request body the endpoint reads itself (so that a wrong content type still gets the API's
    /// 400 envelope rather than the framework's 415).</summary>
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });

    /// <summary>Documents the endpoint's 200 answer as the envelope around <typeparamref name="T"/>, and, for endpoints
    /// that validate input, the 400 answer with the same envelope.</summary>
    public static RouteHandlerBuilder Returns<T>(this RouteHandlerBuilder builder, bool validatesInput = true)
    {
        builder.Produces<Envelope<T>>(StatusCodes.Status200OK, "application/json");
        return validatesInput ? builder.Produces<Envelope<T>>(StatusCodes.Status400BadRequest, "application/json") : builder;
    }
}
