using System.Net;
using Microsoft.Extensions.Options;
using Spin.ChainSimulator;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.PubSub;
using Spin.ChainSimulator.Rpc;
using Spin.ChainSimulator.Scenario;
using Spin.ChainSimulator.Truth;

// A stand-in Solana validator for the SpinPet program: JSON-RPC on --port, PubSub on --port + 1.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, SimulatorCommandLine.Switches);
builder.Services.AddOptions<SimulatorOptions>().Bind(builder.Configuration).ValidateDataAnnotations().ValidateOnStart();
var options = builder.Configuration.Get<SimulatorOptions>() ?? new SimulatorOptions();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    var address = IPAddress.Parse(options.Bind);
    kestrel.Listen(address, options.Port);
    kestrel.Listen(address, options.Port + 1);
});
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddSingleton(sp => new ChainLedger { ProgramId = sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.ProgramId });
builder.Services.AddSingleton(sp => new ScenarioGenerator(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value));
builder.Services.AddSingleton<PubSubHub>();
builder.Services.AddSingleton<JsonRpcEndpoint>();
builder.Services.AddSingleton<ChainProducer>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ChainProducer>());

var app = builder.Build();
app.Services.GetRequiredService<ChainProducer>().Prefill();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
app.Use(async (context, next) =>
{
    if (context.WebSockets.IsWebSocketRequest)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await context.RequestServices.GetRequiredService<PubSubHub>().ServeAsync(socket, context.RequestAborted);
        return;
    }

    await next(context);
});
app.MapPost("/", (HttpContext context, JsonRpcEndpoint rpc) => rpc.HandleAsync(context));
app.MapControlEndpoints();
app.Run();
