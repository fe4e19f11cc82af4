using Spin.Grains.Interfaces.Events;

namespace Spin.ChainSimulator.Scenario;

/// <summary>Makes consistent SpinPet events for a mint and applies their effect to its state.</summary>
public sealed class EventFactory(Random random, Keys keys)
{
    private static readonly UInt128 TokenScale = UInt128.Parse("10000000000000000000000000"); // 1e25 = 1e28 price scale / 1e9 lamports * 1e6 token units

    /// <summary>The launch of a new mint.</summary>
    public TokenCreatedEvent Create(MintState mint, int number) => new(
        keys.Key(), mint.Mint, mint.Curve, keys.Key(), keys.Key(), keys.Key(), keys.Key(), keys.Key(),
        (ushort)random.Next(0, 10_001), (ushort)random.Next(0, 10_001), (byte)random.Next(0, 4),
        $"Token {number}", $"TK{number}", $"https://ipfs.io/ipfs/Qm{keys.Key()}");

    /// <summary>A buy or sell; with <paramref name="commit"/> false the price does not move (a failed transaction).</summary>
    public BuySellEvent BuySell(MintState mint, bool commit = true)
    {
        var price = commit ? mint.Step(random) : mint.Price;
        var sol = (ulong)random.NextInt64(10_000_000, 5_000_000_000);
        var tokens = (ulong)((UInt128)sol * TokenScale / price);
        return new BuySellEvent(keys.Key(), mint.Mint, random.Next(2) == 0, tokens, sol, price);
    }

    /// <summary>Opens a long (type 1, range below the price) or short (type 2, range above it).</summary>
    public LongShortEvent Open(MintState mint, uint now)
    {
        var price = mint.Step(random);
        var type = (byte)random.Next(1, 3);
        var start = type == 1 ? price * (uint)random.Next(900, 999) / 1000 : price * (uint)random.Next(1001, 1100) / 1000;
        var end = type == 1 ? start * (uint)random.Next(900, 999) / 1000 : start * (uint)random.Next(1001, 1100) / 1000;
        var order = new OpenOrder(keys.Key(), type, keys.Key(), start, end, Amount(), Amount() * 100, now, now + 172_800,
            Amount(), Amount(), Amount() * 100, (ushort)random.Next(0, 2_000));
        mint.Orders.Add(order);
        return new LongShortEvent(order.User, mint.Mint, order.Pda, price, type, mint.Mint, order.User, order.StartPrice,
            order.EndPrice, order.LpSol, order.LpToken, order.StartTime, order.EndTime, order.Margin, order.Borrow, order.Position, order.BorrowFee);
    }

    /// <summary>Closes an open order in full.</summary>
    public FullCloseEvent CloseFully(MintState mint, OpenOrder order)
    {
        mint.Orders.Remove(order);
        return new FullCloseEvent(order.User, keys.Key(), mint.Mint, order.OrderType == 1, Amount(), Amount(), Amount(), mint.Step(random), order.Pda);
    }

    /// <summary>Closes part of an open order; the event carries the remaining position.</summary>
    public PartialCloseEvent ClosePartly(MintState mint, OpenOrder order)
    {
        var rest = order with { LpSol = order.LpSol / 2, LpToken = order.LpToken / 2, Margin = order.Margin / 2, Borrow = order.Borrow / 2, Position = order.Position / 2 };
        mint.Orders[mint.Orders.IndexOf(order)] = rest;
        return new PartialCloseEvent(order.User, keys.Key(), mint.Mint, order.OrderType == 1, Amount(), Amount(), Amount(), mint.Step(random),
            order.Pda, rest.OrderType, mint.Mint, rest.User, rest.StartPrice, rest.EndPrice, rest.LpSol, rest.LpToken, rest.StartTime,
            rest.EndTime, rest.Margin, rest.Borrow, rest.Position, rest.BorrowFee);
    }

    /// <summary>Liquidates an open order.</summary>
    public ForceLiquidateEvent Liquidate(MintState mint, OpenOrder order)
    {
        mint.Orders.Remove(order);
        return new ForceLiquidateEvent(keys.Key(), mint.Mint, order.Pda);
    }

    /// <summary>A fee milestone.</summary>
    public MilestoneDiscountEvent Milestone(MintState mint) =>
        new(keys.Key(), mint.Mint, mint.Curve, (ushort)random.Next(0, 10_001), (ushort)random.Next(0, 10_001), (byte)random.Next(0, 4));

    private ulong Amount() => (ulong)random.NextInt64(1_000_000, 10_000_000_000);
}
