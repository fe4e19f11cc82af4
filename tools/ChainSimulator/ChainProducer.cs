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
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ulong _slot = ChainLedger.GenesisSlot;
    private long _live;
    // Held while a tick produces its slots, so that once Pause returns no further slot is produced.
    private readonly Lock _gate = new();
    private bool _paused = options.Value.StartPaused;

    /// <summary>Live transactions produced so far.</summary>
    public long Produced => Interlocked.Read(ref _live);

    /// <summary>The live transactions asked for, or -1 for endless.</summary>
    public int Target => _options.Transactions;

    /// <summary>True when every requested live transaction is on the ledger.</summary>
    public bool Done => Target >= 0 && Produced >= Target;

    /// <summary>Completes when every requested live transaction is on the ledger and notified.</summary>
    public Task Finished => _finished.Task;

    /// <summary>True while live production is held (<c>POST /control/pause</c>, or <c>--start-paused true</c> until
    /// <c>POST /control/resume</c>): no slot is produced and the schedule's clock stands still, so a test can set up and
    /// disrupt the system at a point of the stream of its own choosing, whatever the machine's load.</summary>
    public bool Paused
    {
        get
        {
            lock (_gate)
            {
                return _paused;
            }
        }
    }

    /// <summary>Holds live production; once this returns, no further slot is produced until <see cref="Resume"/>.</summary>
    public void Pause()
    {
        lock (_gate)
        {
            _paused = true;
        }
    }

    /// <summary>Resumes live production where it stopped.</summary>
    public void Resume()
    {
        lock (_gate)
        {
            _paused = false;
        }
    }

    /// <summary>Live transactions per slot: the rate spread over the slot duration.</summary>
    public int PerSlot => Math.Max(1, (int)Math.Round(_options.Rate * _options.SlotMs / 1000.0));

    /// <summary>Produces the transactions that are on chain before serving starts.</summary>
    public void Prefill()
    {
        for (var left = _options.Prefill; left > 0; left -= PrefillPerSlot)
        {
            ProduceSlot(Math.Min(left, PrefillPerSlot), live: false);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        long slots = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Min(_options.SlotMs, 20)));
        while (!Done && await timer.WaitForNextTickAsync(stoppingToken))
        {
            lock (_gate)
            {
                if (_paused)
                {
                    clock.Stop();
                    continue;
                }

                clock.Start();
                var due = (long)(clock.Elapsed.TotalMilliseconds / _options.SlotMs);
                for (; slots < due && !Done; slots++)
                {
                    ProduceSlot(Target < 0 ? PerSlot : (int)Math.Min(PerSlot, Target - Produced), live: true);
                }
            }
        }

        LogInformationDone(logger, Produced, ledger.Count, ledger.Events);
        if (_options.TruthFile is { } file)
        {
            await File.WriteAllBytesAsync(file, TruthWriter.Write(_options.ProgramId, ledger.Snapshot()), stoppingToken);
        }

        _finished.TrySetResult();
    }

    private void ProduceSlot(int count, bool live)
    {
        _slot++;
        var transactions = new List<SimTransaction>(count);
        for (var i = 0; i < count; i++)
        {
            transactions.Add(generator.Next(_slot));
        }

        ledger.AppendSlot(_slot, transactions);
        if (live)
        {
            Interlocked.Add(ref _live, count);
            hub.PublishSlot(_slot);
            hub.Publish(transactions);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Produced {Live} live transactions; {Total} on chain with {Events} SpinPet events")]
    private static partial void LogInformationDone(ILogger logger, long live, int total, long events);
}
