using Npgsql;

namespace Spin.Silo.Ingest;

/// <summary>The chain listener's lease and durable cursor in PostgreSQL (<c>SpinListenerLease</c>, one row per service and
/// program; deploy/sql/005-listener.sql). One silo at a time holds the lease, each takeover increments the fencing token,
/// and only the holder with the current token writes the cursor, so a silo that lost the lease never moves it. Every
/// expiry is compared with the database's clock. Thread-safe.</summary>
public sealed class PostgresListenerLease : IChainCursorStore, IDisposable
{
    // Acquires a free or expired lease (a new token), or renews our own unexpired one (the same token); the second column
    // is the holder that kept us out, read from the statement's snapshot.
    private const string AcquireSql = """
        WITH acquired AS (
            INSERT INTO SpinListenerLease AS l (ServiceId, ProgramId, Holder, ExpiresAt, Token)
            VALUES (@ServiceId, @ProgramId, @Holder, now() + @Duration, 1)
            ON CONFLICT (ServiceId, ProgramId) DO UPDATE
            SET Holder = excluded.Holder, ExpiresAt = excluded.ExpiresAt,
                Token = CASE WHEN l.Holder = excluded.Holder AND l.Token = @Token AND l.ExpiresAt > now() THEN l.Token ELSE l.Token + 1 END
            WHERE l.ExpiresAt <= now() OR (l.Holder = excluded.Holder AND l.Token = @Token)
            RETURNING l.Token
        )
        SELECT (SELECT Token FROM acquired),
               (SELECT Holder FROM SpinListenerLease WHERE ServiceId = @ServiceId AND ProgramId = @ProgramId AND ExpiresAt > now())
        """;

    private const string WriteSql = """
        UPDATE SpinListenerLease SET CursorSlot = @Slot, CursorSignature = @Signature, CursorUpdatedAt = now()
        WHERE ServiceId = @ServiceId AND ProgramId = @ProgramId AND Holder = @Holder AND Token = @Token AND ExpiresAt > now()
        """;

    private const string ReadSql = """
        SELECT CursorSignature, CursorSlot FROM SpinListenerLease
        WHERE ServiceId = @ServiceId AND ProgramId = @ProgramId AND CursorSignature IS NOT NULL
        """;

    private const string ReleaseSql = """
        UPDATE SpinListenerLease SET ExpiresAt = now()
        WHERE ServiceId = @ServiceId AND ProgramId = @ProgramId AND Holder = @Holder AND Token = @Token AND ExpiresAt > now()
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private long _token;
    private long _takeovers;
    private volatile bool _held;
    private volatile string? _currentHolder;

    /// <summary>Creates the lease of <paramref name="holder"/> (this silo's name) on the listener of
    /// <paramref name="programId"/> within <paramref name="serviceId"/>.</summary>
    public PostgresListenerLease(string connectionString, string serviceId, string programId, string holder, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        (_serviceId, ProgramId, Holder, Duration) = (serviceId, programId, holder, duration);
    }

    /// <summary>This silo's name, the holder it writes.</summary>
    public string Holder { get; }

    /// <summary>The program whose listener the lease guards.</summary>
    public string ProgramId { get; }

    /// <summary>How long an acquisition or renewal holds.</summary>
    public TimeSpan Duration { get; }

    /// <summary>True when the last attempt acquired or renewed the lease.</summary>
    public bool Held => _held;

    /// <summary>The fencing token of this silo's last acquisition, or 0 when it never had one or lost it.</summary>
    public long Token => Interlocked.Read(ref _token);

    /// <summary>The holder the last attempt saw (this silo, another one), or null when it is free or unknown.</summary>
    public string? CurrentHolder => _currentHolder;

    /// <summary>How many times this silo acquired the lease (renewals not counted).</summary>
    public long Takeovers => Interlocked.Read(ref _takeovers);

    /// <summary>Acquires the lease when it is free or expired, or renews it when it is still this silo's; returns whether
    /// this silo holds it now. One statement, so two silos can never both succeed.</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var previous = Token;
        try
        {
            await using var command = Command(AcquireSql, previous);
            command.Parameters.AddWithValue("Duration", Duration);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var token = reader.IsDBNull(0) ? 0 : reader.GetInt64(0);
            _currentHolder = token != 0 ? Holder : reader.IsDBNull(1) ? null : reader.GetString(1);
            if (token != 0 && token != previous)
            {
                Interlocked.Increment(ref _takeovers);
            }

            // A lost lease forgets its token; an unanswered attempt keeps it, so the next one can still renew.
            Interlocked.Exchange(ref _token, token);
            _held = token != 0;
            return _held;
        }
        catch (Exception)
        {
            (_held, _currentHolder) = (false, null);
            throw;
        }
    }

    /// <summary>Ends this silo's lease now, so that another silo can take over without waiting for it to expire.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var token = Token;
        _held = false;
        if (token == 0)
        {
            return;
        }

        await using var command = Command(ReleaseSql, token);
        await command.ExecuteNonQueryAsync(cancellationToken);
        _currentHolder = null;
        Interlocked.Exchange(ref _token, 0);
    }

    /// <inheritdoc />
    public async ValueTask<ChainCursor?> ReadAsync(string programId, CancellationToken cancellationToken)
    {
        await using var command = Command(ReadSql, programId: programId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ChainCursor(reader.GetString(0), (ulong)reader.GetInt64(1)) : null;
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(string programId, ChainCursor cursor, CancellationToken cancellationToken)
    {
        var token = Token;
        await using var command = Command(WriteSql, token, programId);
        command.Parameters.AddWithValue("Slot", checked((long)cursor.Slot));
        command.Parameters.AddWithValue("Signature", cursor.Signature);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            (_held, _currentHolder) = (false, null);
            throw new LeaseLostException(
                $"The listener lease of program {programId} is no longer held by '{Holder}' with token {token}: it expired or " +
                $"another silo took it over. The cursor was not moved to slot {cursor.Slot}; this listener stops, and the holder " +
                "resumes from the cursor as it stands.");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    private NpgsqlCommand Command(string sql, long token = 0, string? programId = null)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("ServiceId", _serviceId);
        command.Parameters.AddWithValue("ProgramId", programId ?? ProgramId);
        command.Parameters.AddWithValue("Holder", Holder);
        command.Parameters.AddWithValue("Token", token);
        return command;
    }
}
