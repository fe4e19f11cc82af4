using System.Runtime.InteropServices;

namespace Spin.ChainSimulator.Ledger;

/// <summary>For each account, the chain positions of the transactions whose account keys include it, ascending, as a
/// validator's address-signatures index keeps them. Built as the ledger appends; not thread-safe on its own.</summary>
public sealed class AccountIndex
{
    // Most keys (fresh signers and accounts) appear in one transaction only: those get no list.
    private readonly Dictionary<string, Positions> _positions = new(StringComparer.Ordinal);

    /// <summary>Records that the transaction at <paramref name="position"/> mentions <paramref name="accountKeys"/>;
    /// positions must be added in ascending order.</summary>
    public void Add(IReadOnlyList<string> accountKeys, int position)
    {
        foreach (var key in accountKeys)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_positions, key, out var exists);
            if (!exists)
            {
                entry = new Positions(position, null);
            }
            else if (entry.Last != position)
            {
                entry = entry with { More = entry.More ?? [entry.First] };
                entry.More!.Add(position);
            }
        }
    }

    /// <summary>The positions of the transactions mentioning <paramref name="account"/>, ascending (empty when none).</summary>
    public IReadOnlyList<int> Of(string account) =>
        _positions.TryGetValue(account, out var entry) ? entry.More ?? [entry.First] : [];

    private readonly record struct Positions(int First, List<int>? More)
    {
        public int Last => More is { } more ? more[^1] : First;
    }
}
