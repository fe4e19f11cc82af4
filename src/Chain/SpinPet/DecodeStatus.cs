namespace Spin.Chain.SpinPet;

/// <summary>The outcome of decoding one <c>Program data:</c> payload.</summary>
public enum DecodeStatus
{
    /// <summary>A known event, fully decoded.</summary>
    Ok,

    /// <summary>Fewer than the 8 discriminator bytes, or not base64.</summary>
    Garbage,

    /// <summary>A discriminator that is not one of the seven SpinPet events.</summary>
    UnknownDiscriminator,

    /// <summary>A known discriminator whose body is too short or malformed.</summary>
    Truncated,
}
