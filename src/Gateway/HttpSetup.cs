using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Spin.Gateway;

/// <summary>Request limits and CORS from <see cref="HttpOptions"/>.</summary>
public static class HttpSetup
{
    /// <summary>Registers the options, Kestrel's limits and the CORS policy.</summary>
    public static WebApplicationBuilder AddSpinHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<HttpOptions>>((kestrel, http) =>
            {
                kestrel.Limits.MaxRequestBodySize = http.Value.MaxRequestBodyBytes;
                kestrel.Limits.MaxRequestLineSize = http.Value.MaxRequestLineBytes;
            });
        builder.Services.AddCors();
        builder.Services.AddSingleton<Security.ShedCounter>();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return builder;
    }

    /// <summary>Applies the CORS policy: any origin (without credentials) for <c>*</c>, else the listed origins.</summary>
    public static WebApplication UseSpinCors(this WebApplication app)
    {
        var origins = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value.CorsOrigins;
        app.UseCors(policy =>
        {
            policy.AllowAnyHeader().AllowAnyMethod().SetPreflightMaxAge(TimeSpan.FromDays(1));
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins).AllowCredentials();
            }
        });
        return app;
    }
}
