namespace Spin.Chain.SpinPet;

/// <summary>What became of one SpinPet <c>Program data:</c> line, or of a whole truncated log.</summary>
public enum DecodeOutcome
{
    Decoded,
    Garbage,
    UnknownDiscriminator,
    Truncated,
    TruncatedLog,
}
