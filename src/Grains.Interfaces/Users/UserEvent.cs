using Spin.Grains.Interfaces.Events;

namespace Spin.Grains.Interfaces.Users;

/// <summary>An event in a user's history, with the mint it belongs to.</summary>
[GenerateSerializer, Immutable, Alias("Spin.Grains.Interfaces.Users.UserEvent")]
public sealed record UserEvent([property: Id(0)] string Mint, [property: Id(1)] ChainEvent Event);
