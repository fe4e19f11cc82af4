namespace Spin.ChainSimulator.Scenario;

/// <summary>A SpinPet (Anchor) error from the IDL that makes a simulated call fail.</summary>
public sealed record SpinPetError(int Code, string Name, string Message)
{
    /// <summary>The errors the simulated failures draw from.</summary>
    public static readonly IReadOnlyList<SpinPetError> Common =
    [
        new(6030, "UpHeadOrderMismatch", "上涨链表头与orders[0]不匹配"),
        new(6014, "ExceedsMaxSolAmount", "用户设置的最大SOL可使用金额不足"),
        new(6015, "InsufficientTokenOutput", "获得的代币数量不足"),
        new(6017, "InsufficientSolOutput", "获得的SOL数量不足"),
    ];

    /// <summary>The transaction error JSON for a failure in top-level instruction <paramref name="instruction"/>.</summary>
    public string ToJson(int instruction) => $$"""{"InstructionError":[{{instruction}},{"Custom":{{Code}}}]}""";

    /// <summary>The runtime's wording in the <c>Program … failed: …</c> line.</summary>
    public string RuntimeMessage => $"custom program error: 0x{Code:x}";

    /// <summary>The line Anchor logs before returning the error.</summary>
    public string AnchorLog => $"AnchorError occurred. Error Code: {Name}. Error Number: {Code}. Error Message: {Message}.";
}
