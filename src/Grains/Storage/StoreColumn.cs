namespace Spin.Grains.Storage;

/// <summary>The column families of the silo-local store; the enum name is the family name.</summary>
public enum StoreColumn
{
    /// <summary><c>mint(32) | seq(8 BE)</c> → event record.</summary>
    Events,

    /// <summary><c>mint(32) | signature | index(4 BE)</c> → seq: makes Apply idempotent.</summary>
    Dedup,

    /// <summary>Small named values: chain cursors and the like.</summary>
    Meta,

    /// <summary><c>mint(32) | interval(1) | bucket(8 BE)</c> → candle.</summary>
    Candles,

    /// <summary><c>mint(32) | side(1) | sort(16) | pda(32)</c> → open order; <c>mint | 'i' | pda</c> → its order key.</summary>
    Orders,

    /// <summary><c>shard(2 BE) | mint(32)</c> → the mint's catalog listing (<see cref="Catalog.ListingRecord"/>), written in
    /// the mint's batch; catalog shards merge these from every silo.</summary>
    Catalog,

    /// <summary><c>state name | 0 | grain id</c> → version (8 BE) | serialized grain state.</summary>
    GrainState,

    /// <summary><c>user(32) | mint(32) | seq(8 BE)</c> → empty: the events of a mint that concern a user (the user index),
    /// written in the mint's batch.</summary>
    Users,
}
