namespace Spin.ChainSimulator.Tests.Infrastructure;

/// <summary>One simulator with 2,500 prefilled transactions and no live production, shared by the RPC tests.</summary>
public sealed class PrefilledChainFixture : IAsyncLifetime
{
    /// <summary>Transactions on the chain.</summary>
    public const int Transactions = 2500;

    /// <summary>The running simulator.</summary>
    public SimulatorHost Host { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        Host = await SimulatorHost.StartAsync("--seed", "3", "--mints", "10", "--prefill", Transactions.ToString(), "--transactions", "0");

    /// <inheritdoc />
    public async Task DisposeAsync() => await Host.DisposeAsync();
}
