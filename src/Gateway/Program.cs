using Orleans.Dashboard;
using Spin.Gateway;
using Spin.Gateway.Api;
using Spin.Gateway.OpenApi;
using Spin.Gateway.Push;
using Spin.Gateway.Security;
using Spin.Silo;
using Spin.Silo.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddSpinLoggingDefaults();
builder.AddSpinCluster();
builder.AddSpinHttp();
builder.AddSpinOpenApi();
builder.AddSpinApiKeys();
builder.AddSpinPush();
builder.AddSpinTelemetry();
builder.Services.AddProblemDetails();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
// The market page (wwwroot): from the project folder when run from the build output, in any environment.
builder.WebHost.UseStaticWebAssets();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSpinCors();
app.UseSpinOpenApi();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRouting();
app.UseSpinLoadShedding();
app.UseSpinApiKeys();
app.MapTimeApi();
app.MapEventsApi();
if (app.Configuration.ClusterMode() == ClusterMode.Standalone)
{
    // The listener and the store live in the co-hosted silo; in client mode each silo reports its own.
    app.MapEventStatsApi();
    app.MapIngestStatusApi();
}

app.MapKlineApi();
app.MapKlineStatusApi();
app.MapOrdersApi();
app.MapDetailsApi();
app.MapMintsApi();
app.MapUsersApi();
app.MapHealthApi();
app.MapClusterApi();
app.MapSpinPush();
app.MapSpinMetrics();
// The Orleans dashboard of the whole cluster (every silo), for operators; not part of the API document.
app.MapOrleansDashboard("/dashboard").ExcludeFromDescription();
app.Run();
