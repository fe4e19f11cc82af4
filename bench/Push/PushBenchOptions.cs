using System.Globalization;
using Spin.Gateway.Tests.Infrastructure;

namespace Spin.Bench.Push;

/// <summary>The bench's command line: load (clients, mints, events/s), how long and how often, and where to write.</summary>
public sealed record PushBenchOptions(
    int Clients, int Mints, int MintsPerClient, int EventsPerSecond, int Seconds, int Runs, bool Baseline, string? WritePath)
{
    /// <summary>SpinPet events per transaction the simulator produces with its default rates (seed 7: 23,085 events in
    /// 20,000 transactions, counting failed and foreign transactions, which carry none).</summary>
    public const double EventsPerTransaction = 1.154;

    /// <summary>Wall milliseconds per simulated slot: each slot's transactions are notified together.</summary>
    public const int SlotMs = 100;

    /// <summary>The simulator's seed: the same in every run, so the baseline can replay the product's messages.</summary>
    public const int Seed = 7;

    /// <summary>The SpinPet program id (the simulator's default).</summary>
    public const string ProgramId = "JBMmrp6jhksqnxDBskkmVvWHhJLaPBjgiMHEroJbUTBZ";

    /// <summary>Streaming time before the measured window, once every client is subscribed.</summary>
    public static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);

    /// <summary>The simulator's <c>--rate</c> (transactions/s) that gives about <see cref="EventsPerSecond"/>.</summary>
    public int TransactionRate => Math.Max(1, (int)Math.Round(EventsPerSecond / EventsPerTransaction));

    /// <summary>Transactions on chain before streaming: enough that every mint is launched (a new mint is a quarter
    /// of the transactions until all exist).</summary>
    public int Prefill => Math.Max(2_000, 8 * Mints);

    /// <summary>The simulator's options: the prefill, then an endless stream at <see cref="TransactionRate"/>, no
    /// notification skipped or duplicated (each transaction's emission must be seen exactly once).</summary>
    public string[] SimulatorArguments() =>
    [
        "--seed", $"{Seed}", "--mints", $"{Mints}", "--prefill", $"{Prefill}", "--transactions", "-1", "--rate", $"{TransactionRate}",
        "--slot-ms", $"{SlotMs}", "--skip-rate", "0", "--duplicate-rate", "0",
    ];

    /// <summary>The launched mints, in ordinal order, once all of them are on chain.</summary>
    public async Task<IReadOnlyList<string>> MintsAsync(SimulatorProcess simulator)
    {
        IReadOnlyList<string> mints = [];
        await Eventually.HoldsAsync(async () =>
        {
            mints = (await ChainTruth.LoadAsync(simulator.RpcUrl)).Mints;
            return (mints.Count >= Mints, $"{mints.Count} of {Mints} mints");
        }, TimeSpan.FromMinutes(1), "every mint to be launched");
        return mints;
    }

    /// <summary>Parses <c>--clients --mints --mints-per-client --events-per-second --seconds --runs --quick
    /// --no-baseline --write</c>.</summary>
    public static PushBenchOptions Parse(string[] args)
    {
        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Number(string name, int fallback, int min) =>
            Text(name) is { } text ? Math.Max(min, int.Parse(text, CultureInfo.InvariantCulture)) : fallback;

        var quick = args.Contains("--quick");
        var mints = Number("--mints", 50, 1);
        return new PushBenchOptions(
            Number("--clients", 1_000, 1),
            mints,
            Math.Min(mints, Number("--mints-per-client", 1, 1)),
            Number("--events-per-second", 1_000, 1),
            Number("--seconds", quick ? 20 : 60, 1),
            Number("--runs", quick ? 1 : 3, 1),
            !args.Contains("--no-baseline"),
            Text("--write"));
    }
}
