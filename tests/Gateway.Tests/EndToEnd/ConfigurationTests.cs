using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.EndToEnd;

/// <summary>Configuration is validated at start: a bad value stops the process with a message naming the key.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("--Spin:Chain:Commitment=processed", "Spin:Chain:Commitment must be 'confirmed' or 'finalized'")]
    [InlineData("--Spin:Chain:ProgramId=not-a-key!", "Spin:Chain:ProgramId must be a base58 address")]
    [InlineData("--Spin:Chain:WsUrl=http://example.com", "Spin:Chain:WsUrl must be a ws:// or wss:// URL")]
    public async Task RefusesToStartWithAnInvalidSetting(string setting, string message)
    {
        using var data = new TempDirectory();
        await using var process = TestProcess.Start("gateway", RepoPaths.GatewayDll,
            ["--urls", $"http://127.0.0.1:{FreePort.Get()}", "--Spin:Storage:Path", data.Path, setting]);

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, process.Tail(200));
    }

    [Fact]
    public async Task WritesOneJsonObjectPerLineWhenAskedWithNoSecrets()
    {
        using var data = new TempDirectory();
        const string secret = "Password=very-secret-value";
        await using var gateway = await GatewayProcess.StartAsync("http://127.0.0.1:1", "ws://127.0.0.1:1", data.Path,
            "--Logging:Console:FormatterName", "json", "--Logging:Console:FormatterOptions:SingleLine", "true",
            "--Spin:Cluster:ConnectionString", $"Host=db;{secret}");
        await gateway.Http.GetStringAsync("api/time");
        await Eventually.HoldsAsync(() => Task.FromResult((gateway.Process.Tail(400).Contains("\"Category\":", StringComparison.Ordinal), gateway.Process.Tail(5))),
            TimeSpan.FromSeconds(30), "a log line");

        var lines = gateway.Process.Tail(400).Split(Environment.NewLine).Select(l => l["[gateway] ".Length..]).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("LogLevel", out _), line);
        });
        Assert.DoesNotContain(secret, gateway.Process.Tail(400));
    }
}
