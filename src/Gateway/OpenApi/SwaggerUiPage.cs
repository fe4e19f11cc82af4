using System.Text;

namespace Spin.Gateway.OpenApi;

/// <summary>Swagger UI's page, served at <c>/swagger-ui</c> itself (as spin-server serves it, and as its test script
/// checks) as well as at <c>/swagger-ui/index.html</c>: the page names its assets by absolute path, so that both places
/// find them.</summary>
public static class SwaggerUiPage
{
    /// <summary>Where the UI lives.</summary>
    public const string RoutePrefix = "swagger-ui";

    // Swashbuckle's index.html with absolute asset paths; it fills in the %(...) placeholders.
    private const string Template = $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="UTF-8">
            <title>%(DocumentTitle)</title>
            <link rel="stylesheet" type="text/css" href="/{{RoutePrefix}}/swagger-ui.css">
            <link rel="stylesheet" type="text/css" href="/{{RoutePrefix}}/index.css">
            <link rel="icon" type="image/png" href="/{{RoutePrefix}}/favicon-32x32.png" sizes="32x32" />
            <link rel="icon" type="image/png" href="/{{RoutePrefix}}/favicon-16x16.png" sizes="16x16" />
            %(HeadContent)
        </head>
        <body>
            <div id="swagger-ui"></div>
            <script src="/{{RoutePrefix}}/swagger-ui-bundle.js" charset="utf-8"></script>
            <script src="/{{RoutePrefix}}/swagger-ui-standalone-preset.js" charset="utf-8"></script>
            <script src="/{{RoutePrefix}}/index.js" charset="utf-8"></script>
        </body>
        </html>
        """;

    private static readonly byte[] Bytes = Encoding.UTF8.GetBytes(Template);

    /// <summary>The page template, for <c>SwaggerUIOptions.IndexStream</c>.</summary>
    public static Stream Open() => new MemoryStream(Bytes, writable: false);

    /// <summary>Answers <c>/swagger-ui</c> and <c>/swagger-ui/</c> with the page itself rather than Swashbuckle's
    /// redirect to <c>index.html</c>; must come before <c>UseSwaggerUI</c>.</summary>
    public static WebApplication UseSwaggerUiWithoutRedirect(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value;
            if (HttpMethods.IsGet(context.Request.Method) && (path == $"/{RoutePrefix}" || path == $"/{RoutePrefix}/"))
            {
                context.Request.Path = $"/{RoutePrefix}/index.html";
            }

            return next(context);
        });
        return app;
    }
}
