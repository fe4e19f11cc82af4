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

    /// <summary><c>shard(2) | index(1) | value(8 BE) | mint(32)</c> per sort order; <c>shard | 'm' | mint</c> → listing.</summary>
    Catalog,

    /// <summary><c>state name | 0 | grain id</c> → version (8 BE) | serialized grain state.</summary>
    GrainState,

    /// <summary><c>user(32) | 'e' | slot(8) | signature | index(4)</c> → mint | event; <c>user | 'o' | mint | pda</c> → open order.</summary>
    Users,
}
