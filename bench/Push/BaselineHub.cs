using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Spin.Bench.Push;

/// <summary>The baseline: a bare SignalR hub, no Orleans, no store. Clients join a mint's group; the bench's publisher
/// hands it each message, which it stamps and broadcasts to the group, as the product's gateway does.</summary>
public sealed class BaselineHub : Hub
{
    /// <summary>Adds the caller to a mint's group.</summary>
    public Task Join(string mint) => Groups.AddToGroupAsync(Context.ConnectionId, Group(mint));

    /// <summary>Broadcasts one event message to a mint's group.</summary>
    public Task Publish(string mint, long seq, JsonElement @event) =>
        Clients.Group(Group(mint)).SendAsync("Event", new PushedEvent(mint, seq, @event, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    private static string Group(string mint) => $"trades:{mint}";
}
