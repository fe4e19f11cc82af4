using Spin.Chain.Binary;

namespace Spin.ChainSimulator.Scenario;

/// <summary>Instruction data in the programs' real layouts: Anchor discriminators for SpinPet, the System and
/// Token transfer instructions, the Compute Budget unit limit.</summary>
public static class InstructionData
{
    private static readonly Dictionary<string, byte[]> SpinPetDiscriminators = new(StringComparer.Ordinal)
    {
        ["buy"] = [102, 6, 61, 18, 1, 218, 235, 234],
        ["sell"] = [51, 230, 133, 164, 1, 127, 131, 173],
        ["create"] = [24, 30, 200, 40, 5, 28, 7, 119],
        ["long"] = [160, 20, 191, 80, 230, 179, 199, 90],
        ["short"] = [217, 218, 13, 226, 168, 94, 252, 106],
        ["close_long"] = [71, 130, 194, 78, 245, 26, 127, 129],
        ["close_short"] = [159, 16, 29, 141, 209, 68, 25, 0],
    };

    /// <summary>A SpinPet instruction (IDL name, e.g. <c>buy</c>) with two u64 amounts.</summary>
    public static byte[] SpinPet(string instruction, ulong amount, ulong limit) =>
        new BorshWriter().Raw(SpinPetDiscriminators[instruction]).U64(amount).U64(limit).ToArray();

    /// <summary>A router or third-party instruction: an 8-byte tag and an amount.</summary>
    public static byte[] Opaque(ulong tag, ulong amount) => new BorshWriter().U64(tag).U64(amount).ToArray();

    /// <summary>Compute Budget <c>SetComputeUnitLimit</c>.</summary>
    public static byte[] ComputeUnitLimit(uint units) => new BorshWriter().U8(2).U32(units).ToArray();

    /// <summary>System <c>Transfer</c> (u32 tag 2, lamports).</summary>
    public static byte[] SystemTransfer(ulong lamports) => new BorshWriter().U32(2).U64(lamports).ToArray();

    /// <summary>SPL Token <c>Transfer</c> (u8 tag 3, amount).</summary>
    public static byte[] TokenTransfer(ulong amount) => new BorshWriter().U8(3).U64(amount).ToArray();

    /// <summary>The amount of a System transfer, or null for any other System instruction.</summary>
    public static ulong? ReadSystemTransfer(byte[] data) =>
        data.Length == 12 && BitConverter.ToUInt32(data, 0) == 2 ? BitConverter.ToUInt64(data, 4) : null;

    /// <summary>The amount of a Token transfer, or null for any other Token instruction.</summary>
    public static ulong? ReadTokenTransfer(byte[] data) => data.Length == 9 && data[0] == 3 ? BitConverter.ToUInt64(data, 1) : null;
}
