using Orleans.Concurrency;

namespace Spin.Grains.Interfaces.Push;

/// <summary>A gateway's receiver of the pushes of the mints its clients subscribed to.</summary>
[Alias("Spin.Grains.Interfaces.Push.IMarketObserver")]
public interface IMarketObserver : IGrainObserver
{
    /// <summary>One applied batch of a watched mint. One-way: a slow or dead gateway never holds up ingestion; a
    /// gateway finds what it missed from the sequence numbers and reads it from the store.</summary>
    [OneWay, Alias("OnPush")]
    Task OnPush(MintPush push);
}
