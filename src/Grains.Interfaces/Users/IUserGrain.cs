using Spin.Grains.Interfaces.Orders;

namespace Spin.Grains.Interfaces.Users;

/// <summary>One user (base58 address): the events the user paid for or suffered, and the user's open orders across
/// mints, gathered from the mints that hold them.</summary>
[Alias("Spin.Grains.Interfaces.Users.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>A page of the user's history by slot, optionally of one mint.</summary>
    [Alias("GetEvents")]
    Task<UserEventPage> GetEvents(string? mint, int page, int limit, bool descending);

    /// <summary>The user's open orders, optionally of one mint.</summary>
    [Alias("GetOrders")]
    Task<UserOrders> GetOrders(string? mint);
}
