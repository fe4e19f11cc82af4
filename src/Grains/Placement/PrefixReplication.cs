using Microsoft.Extensions.Logging;
using Spin.Grains.Interfaces.Replication;

namespace Spin.Grains.Placement;

/// <summary>The primary side of a grain whose data is a <see cref="ReplicatedPrefix"/> (users, catalog shards): numbers
/// each write, copies it to the replica silo before the call returns (a whole snapshot when the replica missed writes),
/// and on activation takes the newest copy held by any peer when it is newer than the local one.</summary>
public sealed partial class PrefixReplication(
    ReplicatedPrefix local,
    string name,
    GrainId grain,
    SiloRanking ranking,
    IGrainFactory grains,
    ReplicationMetrics metrics,
    ILogger logger)
{
    private const int Page = 2_000;
    private long _version;
    private (string Silo, long Version)? _replicaAt;

    /// <summary>Reads the local version, then copies the newest peer's keys when a peer holds a newer version.</summary>
    public async Task CatchUpAsync()
    {
        _version = local.ReadVersion();
        var best = (Silo: (string?)null, Version: _version);
        foreach (var silo in ranking.Rank(grain).Where(s => s != ranking.LocalName))
        {
            try
            {
                var version = await Replica(silo).Version().WaitAsync(PeerCalls.Query);
                if (version > best.Version)
                {
                    best = (silo, version);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDebugPeerUnavailable(logger, ex, name, silo);
            }
        }

        if (best.Silo is not { } source)
        {
            return;
        }

        var peer = Replica(source);
        var copied = 0;
        byte[]? after = null;
        for (var first = true; ; first = false)
        {
            var page = await peer.Read(after, Page).WaitAsync(PeerCalls.Transfer);
            local.Install(first, page);
            copied += page.Count;
            if (page.Count < Page)
            {
                break;
            }

            after = page[^1].Key;
        }

        metrics.CaughtUp(copied);
        _version = local.ReadVersion();
        LogInformationCaughtUp(logger, name, source, _version);
    }

    /// <summary>Writes <paramref name="entries"/> locally as the next version, then to the replica.</summary>
    public async Task CommitAsync(IReadOnlyList<StoreEntry> entries)
    {
        local.Write(entries, _version + 1);
        _version++;
        var replica = ranking.ReplicaOf(grain, ranking.LocalName);
        if (replica is null)
        {
            return;
        }

        var peer = Replica(replica);
        try
        {
            var at = _replicaAt is { } known && known.Silo == replica ? known.Version : await peer.Version().WaitAsync(PeerCalls.Query);
            if (at == _version - 1)
            {
                at = await peer.Apply(_version, entries).WaitAsync(PeerCalls.Transfer);
            }

            if (at < _version)
            {
                // The replica missed writes (it is new, or was down): send it the whole prefix instead.
                byte[]? after = null;
                for (var first = true; ; first = false)
                {
                    var page = local.Read(after, Page);
                    await peer.Install(first, page).WaitAsync(PeerCalls.Transfer);
                    if (page.Count < Page)
                    {
                        break;
                    }

                    after = page[^1].Key;
                }

                at = _version;
            }

            _replicaAt = (replica, at);
        }
        catch
        {
            _replicaAt = null;
            throw;
        }
    }

    /// <summary>True when the grain should migrate to the first silo of its ranking (<see cref="SiloRanking.IsMisplaced"/>).</summary>
    public bool Misplaced => ranking.IsMisplaced(grain);

    private IPrefixReplicaGrain Replica(string silo) => grains.GetGrain<IPrefixReplicaGrain>(NamedSiloPlacement.Key(silo, name));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Asking {Silo} for the version of {Name} failed")]
    private static partial void LogDebugPeerUnavailable(ILogger logger, Exception exception, string name, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} caught up from {Silo} to version {Version}")]
    private static partial void LogInformationCaughtUp(ILogger logger, string name, string silo, long version);
}
