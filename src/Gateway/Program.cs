using Spin.Gateway;
using Spin.Gateway.Api;
using Spin.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddSpinStandaloneSilo();
builder.AddSpinHttp();
builder.Services.AddProblemDetails();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSpinCors();
app.MapTimeApi();
app.MapEventsApi();
app.MapEventStatsApi();
app.MapIngestStatusApi();
app.MapKlineApi();
app.MapKlineStatusApi();
app.MapOrdersApi();
app.MapDetailsApi();
app.MapMintsApi();
app.MapUsersApi();
app.MapHealthApi();
app.Run();
