-- 003: grain state for Microsoft.Orleans.Persistence.AdoNet (contract section 4).
--
-- A row is identified by its natural key: ServiceId, the state name (GrainTypeString), the two key halves and the
-- key extension, where NULL and '' are different keys. The grain-id and grain-type hashes Orleans also sends are
-- not stored or used, so switching the provider's hasher never orphans rows.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId text NOT NULL,
    GrainTypeString text NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainIdExtensionString text NULL,
    PayloadBinary bytea NULL,
    Version integer NOT NULL,
    ModifiedOn timestamptz NOT NULL DEFAULT now()
);

-- One row per natural key, so that two concurrent first writes cannot both insert (pitfall P8): the loser's
-- insert does nothing and Orleans raises InconsistentStateException. The extension (a whole string key for
-- string-keyed grains) is indexed through its md5, which keeps long keys under the btree row limit and maps NULL
-- to '-', a value no md5 takes, so NULL and '' stay distinct. Every query below repeats this exact expression so
-- the planner uses the index, and also compares the raw extension, so a digest match alone never identifies a row.
CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Key
    ON OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, (coalesce(md5(GrainIdExtensionString), '-')));

-- Versions are ETags that Orleans parses as int32, so they wrap from 2147483647 to 1 instead of overflowing.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
('ReadFromStorageKey', $sql$
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND coalesce(md5(GrainIdExtensionString), '-') = coalesce(md5(@GrainIdExtensionString), '-')
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
$sql$),

-- Without an ETag the grain may only create the row; with one it may only update the row still at that version.
-- Anything else returns no row, which Orleans turns into InconsistentStateException.
('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, Version = Version % 2147483647 + 1, ModifiedOn = now()
    WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND coalesce(md5(GrainIdExtensionString), '-') = coalesce(md5(@GrainIdExtensionString), '-')
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version
), inserted AS (
    INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
                                PayloadBinary, Version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT Version FROM inserted
$sql$),

('ClearStorageKey', $sql$
UPDATE OrleansStorage
SET PayloadBinary = NULL, Version = Version % 2147483647 + 1, ModifiedOn = now()
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND coalesce(md5(GrainIdExtensionString), '-') = coalesce(md5(@GrainIdExtensionString), '-')
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version
$sql$),

('DeleteStorageKey', $sql$
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND coalesce(md5(GrainIdExtensionString), '-') = coalesce(md5(@GrainIdExtensionString), '-')
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version % 2147483647 + 1
$sql$)
ON CONFLICT (QueryKey) DO NOTHING;
