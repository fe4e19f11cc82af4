using Spin.Cluster.Tests.Infrastructure;

namespace Spin.Cluster.Tests.TestGrains;

/// <summary>Answers calls and keeps <see cref="ProbeState"/> in the PostgreSQL provider.</summary>
public sealed class ProbeGrain([PersistentState("probe", ClusterFixture.StorageName)] IPersistentState<ProbeState> state)
    : Grain, IProbeGrain
{
    /// <inheritdoc />
    public Task<string> Echo(string text) => Task.FromResult(text);

    /// <inheritdoc />
    public Task Save(string value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task<string> Load()
    {
        await state.ReadStateAsync();
        return state.State.Value;
    }

    /// <inheritdoc />
    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
