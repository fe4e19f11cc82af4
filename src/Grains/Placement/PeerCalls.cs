namespace Spin.Grains.Placement;

/// <summary>Bounds on calls to a peer silo's replica grains. A silo that was just killed answers nothing until the
/// cluster declares it dead; waiting out Orleans' response timeout there would hold the calling grain, and every
/// request queued behind it, for that long. Catch-up skips a peer that does not answer in time; replication fails the
/// call, and the listener redelivers.</summary>
public static class PeerCalls
{
    /// <summary>The bound on a question (how much do you hold).</summary>
    public static readonly TimeSpan Query = TimeSpan.FromSeconds(5);

    /// <summary>The bound on a transfer (store or read a page).</summary>
    public static readonly TimeSpan Transfer = TimeSpan.FromSeconds(10);
}
