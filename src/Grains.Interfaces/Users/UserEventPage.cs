namespace Spin.Grains.Interfaces.Users;

/// <summary>One page of a user's history, how many events match, and whether a mint they come from is still catching up
/// (the history may be incomplete).</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Users.UserEventPage")]
public sealed record UserEventPage([property: Id(0)] IReadOnlyList<UserEvent> Events, [property: Id(1)] long Total, [property: Id(2)] bool Syncing = false);
