using System.Diagnostics;
using Microsoft.Extensions.Options;
using Spin.ChainSimulator.Ledger;
using Spin.ChainSimulator.PubSub;
using Spin.ChainSimulator.Scenario;
using Spin.ChainSimulator.Truth;

namespace Spin.ChainSimulator;

/// <summary>Advances the chain: the prefill before serving, then one slot every <c>--slot-ms</c> with a fixed number
/// of transactions per slot (so the chain does not depend on timing), each notified after it is on the ledger.</summary>
public sealed partial class ChainProducer(
    ScenarioGenerator generator, ChainLedger ledger, PubSubHub hub, IOptions<SimulatorOptions> options, ILogger<ChainProducer> logger)
    : BackgroundService
{
    private const int PrefillPerSlot = 8;
    private readonly SimulatorOptions _options = options.Value;
    private ulong _slot = ChainLedger.GenesisSlot;
    private long _live;

    /// <summary>Live transactions produced so far.</summary>
    public long Produced => Interlocked.Read(ref _live);

    /// <summary>The live transactions asked for, or -1 for endless.</summary>
    public int Target => _options.Transactions;

    /// <summary>True when every requested live transaction is on the ledger.</summary>
    public bool Done => Target >= 0 && Produced >= Target;

    /// <summary>Produces the transactions that are on chain before serving starts.</summary>
    public void Prefill()
    {
        for (var left = _options.Prefill; left > 0; left -= PrefillPerSlot)
        {
            ProduceSlot(Math.Min(left, PrefillPerSlot), notify: false);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var perSlot = Math.Max(1, (int)Math.Round(_options.Rate * _options.SlotMs / 1000.0));
        var clock = Stopwatch.StartNew();
        long slots = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Min(_options.SlotMs, 50)));
        while (!Done && await timer.WaitForNextTickAsync(stoppingToken))
        {
            var due = (long)(clock.Elapsed.TotalMilliseconds / _options.SlotMs);
            for (; slots < due && !Done; slots++)
            {
                var count = Target < 0 ? perSlot : (int)Math.Min(perSlot, Target - Produced);
                ProduceSlot(count, notify: true);
                Interlocked.Add(ref _live, count);
            }
        }

        LogInformationDone(logger, Produced, ledger.Count);
        if (_options.TruthFile is { } file)
        {
            await File.WriteAllBytesAsync(file, TruthWriter.Write(_options.ProgramId, ledger.Snapshot()), stoppingToken);
        }
    }

    private void ProduceSlot(int count, bool notify)
    {
        _slot++;
        var transactions = new List<SimTransaction>(count);
        for (var i = 0; i < count; i++)
        {
            transactions.Add(generator.Next(_slot));
        }

        ledger.AppendSlot(_slot, transactions);
        if (notify)
        {
            hub.Publish(transactions);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Produced {Live} live transactions; {Total} on chain")]
    private static partial void LogInformationDone(ILogger logger, long live, int total);
}
