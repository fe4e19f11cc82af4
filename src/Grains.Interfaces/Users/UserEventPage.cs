namespace Spin.Grains.Interfaces.Users;

/// <summary>One page of a user's history and how many events match.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Users.UserEventPage")]
public sealed record UserEventPage([property: Id(0)] IReadOnlyList<UserEvent> Events, [property: Id(1)] long Total);
