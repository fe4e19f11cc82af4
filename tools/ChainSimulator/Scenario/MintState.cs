namespace Spin.ChainSimulator.Scenario;

/// <summary>What the simulated program knows of one mint: its accounts, price, fees and open orders.</summary>
public sealed class MintState(string mint, string curve)
{
    /// <summary>The initial curve price (SOL per token × 1e28).</summary>
    public static readonly UInt128 InitialPrice = UInt128.Parse("279589934762348555452");

    /// <summary>The mint address.</summary>
    public string Mint { get; } = mint;

    /// <summary>The bonding-curve account.</summary>
    public string Curve { get; } = curve;

    /// <summary>The current price.</summary>
    public UInt128 Price { get; set; } = InitialPrice;

    /// <summary>Open orders by pda, in opening order.</summary>
    public List<OpenOrder> Orders { get; } = [];

    /// <summary>Moves the price by a random step of at most ±3%.</summary>
    public UInt128 Step(Random random)
    {
        var permille = (uint)random.Next(970, 1031);
        Price = UInt128.Max(1_000_000, Price * permille / 1000);
        return Price;
    }
}
