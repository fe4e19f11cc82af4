using Spin.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddSpinStandaloneSilo();

var app = builder.Build();
app.MapGet("/alive", () => Results.Ok());
app.Run();
