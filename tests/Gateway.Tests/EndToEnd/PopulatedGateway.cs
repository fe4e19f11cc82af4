using System.Text.Json.Nodes;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Gateway.Tests.EndToEnd;

/// <summary>A gateway that has indexed a finished simulator chain (every event type, several mints and users), for
/// tests that read a populated API which no longer changes.</summary>
public sealed class PopulatedGateway : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private SimulatorProcess? _simulator;
    private GatewayProcess? _gateway;

    /// <summary>The product.</summary>
    public GatewayProcess Gateway => _gateway!;

    /// <summary>The simulator's ground truth: every mint's events.</summary>
    public Dictionary<string, List<JsonObject>> Truth { get; private set; } = [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _simulator = await SimulatorProcess.StartAsync("--seed", "31", "--mints", "6", "--prefill", "800", "--transactions", "0");
        Truth = await _simulator.GetTruthAsync();
        _gateway = await GatewayProcess.StartAsync(_simulator, _data.Path);
        await _gateway.WaitForEventCountsAsync(Truth, TimeSpan.FromMinutes(3));
        await _gateway.WaitForCatalogAsync(TimeSpan.FromMinutes(1));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        _data.Dispose();
    }
}
