using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Orders;
using Spin.Grains.Interfaces.Users;
using Spin.Grains.Orders;

namespace Spin.Grains.Users;

/// <summary>Works out what a mint batch means for each user: every event goes to its payer; an order's owner gets its
/// opening, changes and closing; a liquidated owner sees the liquidation. Derived from the events alone (plus the
/// permanent pda → owner map), so a redelivered batch yields the same updates.</summary>
public static class UserUpdates
{
    /// <summary>The update per user.</summary>
    public static Dictionary<string, UserUpdate> Of(string mint, IReadOnlyList<ChainEvent> events, Func<string, string?> ownerOf)
    {
        var byUser = new Dictionary<string, (List<ChainEvent> Events, List<MarginOrder> Open, List<string> Closed)>();
        (List<ChainEvent> Events, List<MarginOrder> Open, List<string> Closed) For(string user) =>
            byUser.TryGetValue(user, out var entry) ? entry : byUser[user] = ([], [], []);

        foreach (var chainEvent in events)
        {
            For(Payer(chainEvent.Body)).Events.Add(chainEvent);
            switch (chainEvent.Body)
            {
                case LongShortEvent or PartialCloseEvent:
                    var order = OrderBook.OrderOf(chainEvent.Body)!;
                    For(order.User).Open.Add(order);
                    AddOnce(For(order.User).Events, chainEvent);
                    break;
                case FullCloseEvent e:
                    For(ownerOf(e.OrderPda) ?? e.Payer).Closed.Add(e.OrderPda);
                    break;
                case ForceLiquidateEvent e when ownerOf(e.OrderPda) is { } owner:
                    For(owner).Closed.Add(e.OrderPda);
                    AddOnce(For(owner).Events, chainEvent);
                    break;
            }
        }

        return byUser.ToDictionary(p => p.Key, p => new UserUpdate(mint, p.Value.Events, p.Value.Open, p.Value.Closed));
    }

    /// <summary>The account that paid for the event.</summary>
    public static string Payer(SpinEvent body) => body switch
    {
        TokenCreatedEvent e => e.Payer,
        BuySellEvent e => e.Payer,
        LongShortEvent e => e.Payer,
        ForceLiquidateEvent e => e.Payer,
        FullCloseEvent e => e.Payer,
        PartialCloseEvent e => e.Payer,
        MilestoneDiscountEvent e => e.Payer,
        _ => throw new InvalidOperationException($"Unknown event {body.GetType().Name}"),
    };

    private static void AddOnce(List<ChainEvent> list, ChainEvent chainEvent)
    {
        if (!list.Contains(chainEvent))
        {
            list.Add(chainEvent);
        }
    }
}
