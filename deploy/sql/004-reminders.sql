-- 004: reminders for Microsoft.Orleans.Reminders.AdoNet (contract section 5).
--
-- GrainHash is the uint ring hash reinterpreted as a signed int32 by Orleans, and every range comparison below is
-- signed (pitfall P5). Period is in milliseconds and may exceed int32.

CREATE TABLE IF NOT EXISTS OrleansReminders
(
    ServiceId text NOT NULL,
    GrainId text NOT NULL,
    ReminderName text NOT NULL,
    StartTime timestamptz NOT NULL,
    Period bigint NOT NULL,
    GrainHash integer NOT NULL,
    Version integer NOT NULL,
    CONSTRAINT OrleansReminders_Key PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- The reminder service loads the reminders of the ring range it owns by hash.
CREATE INDEX IF NOT EXISTS OrleansReminders_GrainHash ON OrleansReminders (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
('ReadReminderRowsKey', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansReminders
WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$sql$),

('ReadReminderRowKey', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansReminders
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$sql$),

-- Used when the range does not wrap in signed order: BeginHash < GrainHash <= EndHash.
('ReadRangeRows1Key', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansReminders
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$sql$),

-- Used when it wraps (or covers the whole ring, BeginHash = EndHash).
('ReadRangeRows2Key', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansReminders
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$sql$),

-- Every update gets a new version (wrapping within int32), so an ETag read before it can no longer delete the row.
('UpsertReminderRowKey', $sql$
INSERT INTO OrleansReminders AS r (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
    Version = r.Version % 2147483647 + 1
RETURNING Version
$sql$),

('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM OrleansReminders
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted) AS Deleted
$sql$),

('DeleteReminderRowsKey', $sql$
DELETE FROM OrleansReminders WHERE ServiceId = @ServiceId
$sql$)
ON CONFLICT (QueryKey) DO NOTHING;
