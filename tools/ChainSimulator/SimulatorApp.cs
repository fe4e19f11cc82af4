using System.ComponentModel.DataAnnotations;
using System.Net;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.PubSub;
using Spin.ChainSimulator.Rpc;
using Spin.ChainSimulator.Scenario;

namespace Spin.ChainSimulator;

/// <summary>Builds the simulated validator: JSON-RPC (and control endpoints) on <c>--port</c>, PubSub WebSocket on
/// <c>--port + 1</c>, with the prefill already on chain. Tests start it in-process with <c>StartAsync</c>.</summary>
public static partial class SimulatorApp
{
    /// <summary>Creates the application from command-line arguments; throws <see cref="ValidationException"/> on bad options.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, SimulatorCommandLine.Switches);
        var options = builder.Configuration.Get<SimulatorOptions>() ?? new SimulatorOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        builder.Services.AddOptions<SimulatorOptions>().Bind(builder.Configuration).ValidateDataAnnotations().ValidateOnStart();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(options.Bind);
            kestrel.Listen(address, options.Port);
            kestrel.Listen(address, options.Port + 1);
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(new ChainLedger { ProgramId = options.ProgramId });
        builder.Services.AddSingleton(new ScenarioGenerator(options));
        builder.Services.AddSingleton<PubSubHub>();
        builder.Services.AddSingleton<RpcMethods>();
        builder.Services.AddSingleton<JsonRpcEndpoint>();
        builder.Services.AddSingleton<ChainProducer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChainProducer>());

        var app = builder.Build();
        app.Services.GetRequiredService<ChainProducer>().Prefill();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Use((context, next) => context.Connection.LocalPort == options.Port + 1 ? ServePubSubAsync(context) : next(context));
        app.MapPost("/", (HttpContext context, JsonRpcEndpoint rpc) => rpc.HandleAsync(context));
        app.MapGet("/", () => Results.Text("Used HTTP Method is not allowed. POST or OPTIONS is required\n", statusCode: StatusCodes.Status405MethodNotAllowed));
        app.MapControlEndpoints();
        LogInformationReady(app.Logger, options.Bind, options.Port, options.Port + 1, options.Seed, options.Prefill);
        return app;
    }

    private static async Task ServePubSubAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("WebSocket upgrade expected");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await context.RequestServices.GetRequiredService<PubSubHub>().ServeAsync(socket, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated validator on {Bind}: JSON-RPC port {RpcPort}, PubSub port {PubSubPort}; seed {Seed}, {Prefill} transactions prefilled")]
    private static partial void LogInformationReady(ILogger logger, string bind, int rpcPort, int pubSubPort, int seed, int prefill);
}
