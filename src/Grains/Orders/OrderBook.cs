using System.Buffers.Binary;
using RocksDbSharp;
using Spin.Chain.Binary;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Orders;
using Spin.Grains.Storage;

namespace Spin.Grains.Orders;

/// <summary>One mint's open margin orders, both sides kept sorted by <c>lock_lp_start_price</c> in the key itself
/// (up ascending, down descending, ties by pda), so a page is a range scan. LongShort opens, PartialClose replaces,
/// FullClose and ForceLiquidate remove.</summary>
public sealed class OrderBook(RocksStore store, byte[] mint)
{
    private const byte UpSide = (byte)'u';
    private const byte DownSide = (byte)'d';
    private const byte IndexSide = (byte)'i';
    private const byte OwnerSide = (byte)'w';
    private readonly Dictionary<string, byte[]?> _staged = [];
    private readonly Dictionary<string, string> _stagedOwners = [];

    /// <summary>Adds the order changes of newly applied events to <paramref name="batch"/>.</summary>
    public void Stage(IEnumerable<ChainEvent> applied, WriteBatch batch)
    {
        _staged.Clear();
        _stagedOwners.Clear();
        foreach (var chainEvent in applied)
        {
            switch (chainEvent.Body)
            {
                case LongShortEvent or PartialCloseEvent:
                    Open(OrderOf(chainEvent.Body)!, batch);
                    break;
                case FullCloseEvent e:
                    Remove(e.OrderPda, batch);
                    break;
                case ForceLiquidateEvent e:
                    Remove(e.OrderPda, batch);
                    break;
            }
        }
    }

    /// <summary>The order an opening or partial close leaves open, or null for other events.</summary>
    public static MarginOrder? OrderOf(SpinEvent body) => body switch
    {
        LongShortEvent e => new MarginOrder(e.OrderType, e.OrderMint, e.User, e.LockLpStartPrice, e.LockLpEndPrice, e.LockLpSolAmount,
            e.LockLpTokenAmount, e.StartTime, e.EndTime, e.MarginSolAmount, e.BorrowAmount, e.PositionAssetAmount, e.BorrowFee, e.OrderPda),
        PartialCloseEvent e => new MarginOrder(e.OrderType, e.OrderMint, e.User, e.LockLpStartPrice, e.LockLpEndPrice, e.LockLpSolAmount,
            e.LockLpTokenAmount, e.StartTime, e.EndTime, e.MarginSolAmount, e.BorrowAmount, e.PositionAssetAmount, e.BorrowFee, e.OrderPda),
        _ => null,
    };

    /// <summary>The owner of an order this mint ever opened (kept after it closes), staged ones included, or null.</summary>
    public string? OwnerOf(string pda) =>
        _stagedOwners.TryGetValue(pda, out var staged) ? staged
        : store.Get(StoreColumn.Orders, OwnerKey(pda)) is { } owner ? PublicKey.ToBase58(owner) : null;

    /// <summary>Forgets staged changes once their batch is written or abandoned.</summary>
    public void Discard()
    {
        _staged.Clear();
        _stagedOwners.Clear();
    }

    /// <summary>The open orders of <paramref name="user"/>, by pda.</summary>
    public List<MarginOrder> OpenOf(string user)
    {
        var orders = new List<MarginOrder>();
        foreach (var side in new[] { UpSide, DownSide })
        {
            var prefix = Prefix(side);
            using var iterator = store.NewIterator(StoreColumn.Orders);
            for (iterator.Seek(prefix); iterator.Valid() && iterator.Key().AsSpan().StartsWith(prefix); iterator.Next())
            {
                var order = OrderCodec.Decode(iterator.Value());
                if (order.User == user)
                {
                    orders.Add(order);
                }
            }
        }

        return orders;
    }

    /// <summary>One page of one side, in the order the SDK relies on.</summary>
    public OrderPage Read(bool up, int page, int limit)
    {
        var prefix = Prefix(up ? UpSide : DownSide);
        var all = new List<byte[]>();
        using var iterator = store.NewIterator(StoreColumn.Orders);
        for (iterator.Seek(prefix); iterator.Valid() && iterator.Key().AsSpan().StartsWith(prefix); iterator.Next())
        {
            all.Add(iterator.Value());
        }

        var offset = (long)(page - 1) * limit;
        var orders = all.Skip((int)Math.Min(offset, int.MaxValue)).Take(limit).Select(v => OrderCodec.Decode(v)).ToList();
        return new OrderPage(orders, all.Count);
    }

    // Opening an order whose pda is already open replaces it (a PartialClose carries the remaining position).
    private void Open(MarginOrder order, WriteBatch batch)
    {
        Remove(order.OrderPda, batch);
        var key = OrderKey(order);
        batch.Put(key, OrderCodec.Encode(order), store[StoreColumn.Orders]);
        batch.Put(IndexKey(order.OrderPda), key, store[StoreColumn.Orders]);
        batch.Put(OwnerKey(order.OrderPda), PublicKey.Parse(order.User), store[StoreColumn.Orders]);
        _staged[order.OrderPda] = key;
        _stagedOwners[order.OrderPda] = order.User;
    }

    private void Remove(string pda, WriteBatch batch)
    {
        var key = _staged.TryGetValue(pda, out var staged) ? staged : store.Get(StoreColumn.Orders, IndexKey(pda));
        if (key is null)
        {
            return;
        }

        batch.Delete(key, store[StoreColumn.Orders]);
        batch.Delete(IndexKey(pda), store[StoreColumn.Orders]);
        _staged[pda] = null;
    }

    private byte[] OrderKey(MarginOrder order)
    {
        var key = new byte[mint.Length + 1 + 16 + PublicKey.Length];
        Prefix(order.IsUp ? UpSide : DownSide).CopyTo(key, 0);
        var sort = order.IsUp ? order.LockLpStartPrice : UInt128.MaxValue - order.LockLpStartPrice;
        BinaryPrimitives.WriteUInt128BigEndian(key.AsSpan(mint.Length + 1), sort);
        PublicKey.Parse(order.OrderPda).CopyTo(key, mint.Length + 17);
        return key;
    }

    private byte[] IndexKey(string pda) => [.. Prefix(IndexSide), .. PublicKey.Parse(pda)];

    private byte[] OwnerKey(string pda) => [.. Prefix(OwnerSide), .. PublicKey.Parse(pda)];

    private byte[] Prefix(byte side) => [.. mint, side];
}
