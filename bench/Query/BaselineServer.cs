using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Query;

/// <summary>The baseline: a bare Kestrel app in its own process (this program started with <c>serve-baseline</c>) that
/// answers each request of the mix with the product's recorded bytes from memory: no routing beyond one dictionary
/// lookup, no Orleans, no store.</summary>
public sealed class BaselineServer : IAsyncDisposable
{
    /// <summary>The first argument that selects this role.</summary>
    public const string Command = "serve-baseline";

    private readonly TestProcess _process;

    private BaselineServer(TestProcess process, int port)
    {
        _process = process;
        Http = QueryHttp.Create($"http://127.0.0.1:{port}/");
    }

    /// <summary>A client for the baseline, set up like the product's.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the baseline process serving the mix's recorded answers, and waits until it answers.</summary>
    public static async Task<BaselineServer> StartAsync(IReadOnlyList<QueryRequest> mix, string directory)
    {
        var file = Path.Combine(directory, "answers.json");
        var answers = mix.DistinctBy(r => r.Key).Select(r => new RecordedAnswer(r.Key, r.ContentType, r.Expected)).ToList();
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(answers));
        var port = FreePort.Get();
        var process = TestProcess.Start("baseline", typeof(BaselineServer).Assembly.Location,
            [Command, "--urls", $"http://127.0.0.1:{port}", "--answers", file]);
        var server = new BaselineServer(process, port);
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await server.Http.GetAsync("alive");
            return (response.IsSuccessStatusCode, response.StatusCode.ToString());
        }, TimeSpan.FromSeconds(60), "the baseline server to answer /alive");
        return server;
    }

    /// <summary>Serves until the process is stopped.</summary>
    public static async Task RunAsync(string[] args)
    {
        var file = args[Array.IndexOf(args, "--answers") + 1];
        var answers = JsonSerializer.Deserialize<List<RecordedAnswer>>(await File.ReadAllTextAsync(file))!.ToDictionary(a => a.Key);
        var builder = WebApplication.CreateBuilder(args.Skip(1).ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        // One terminal middleware, no routing: /alive for the start-up wait, else the recorded answer or 404.
        app.Run(context =>
        {
            if (context.Request.Path == "/alive")
            {
                return context.Response.WriteAsync("ok");
            }

            if (!answers.TryGetValue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}", out var answer))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            context.Response.ContentType = answer.ContentType;
            context.Response.ContentLength = answer.Body.Length;
            return context.Response.Body.WriteAsync(answer.Body).AsTask();
        });
        await app.RunAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }
}

/// <summary>One recorded answer of the product, as the baseline serves it.</summary>
public sealed record RecordedAnswer(string Key, string ContentType, byte[] Body);
