namespace Spin.Gateway.Tests.EndToEnd;

/// <summary>Tests that run real processes; serialized so that two of them never compete for the two cores.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "End to end";
}
