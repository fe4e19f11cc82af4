using Spin.Gateway.Api;
using Spin.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddSpinStandaloneSilo();
builder.Services.AddProblemDetails();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapTimeApi();
app.MapEventsApi();
app.MapEventStatsApi();
app.MapIngestStatusApi();
app.MapKlineApi();
app.MapOrdersApi();
app.MapDetailsApi();
app.MapMintsApi();
app.MapUsersApi();
app.MapGet("/alive", () => Results.Ok(new { status = "alive" })).WithTags("Health");
app.Run();
