-- 002: membership for Microsoft.Orleans.Clustering.AdoNet (contract section 3).
--
-- The table version is one integer per deployment (ClusterId). Every successful insert or update of a member moves
-- it by exactly +1, in the same statement that writes the member, and only when it still equals the version the
-- caller read; heartbeats and clean-ups never move it. Query texts are plain statements (no functions), so the
-- atomicity of each key comes from a single statement: data-modifying CTEs that feed each other through RETURNING.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersion
(
    DeploymentId text NOT NULL CONSTRAINT OrleansMembershipVersion_Key PRIMARY KEY,
    Timestamp timestamptz NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0 CONSTRAINT OrleansMembershipVersion_Version CHECK (Version >= 0)
);

-- Text, not inet, for Address: the provider casts the value to string. timestamptz, not timestamp (pitfall P1).
CREATE TABLE IF NOT EXISTS OrleansMembership
(
    DeploymentId text NOT NULL CONSTRAINT OrleansMembership_Deployment REFERENCES OrleansMembershipVersion (DeploymentId),
    Address text NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName text NOT NULL,
    HostName text NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NOT NULL,
    SuspectTimes text NULL,
    StartTime timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    CONSTRAINT OrleansMembership_Key PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- DO NOTHING: re-running never rewrites a row that exists, even one an operator edited. A change to a query text
-- ships as a new, higher-numbered file that updates the row explicitly (see README.md).
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
('InsertMembershipVersionKey', $sql$
WITH inserted AS (
    INSERT INTO OrleansMembershipVersion (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted) AS Inserted
$sql$),

('MembershipReadAllKey', $sql$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersion v
LEFT JOIN OrleansMembership m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId
$sql$),

('MembershipReadRowKey', $sql$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersion v
LEFT JOIN OrleansMembership m
       ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId
$sql$),

-- The member is inserted only from the row the version bump returned. A concurrent insert of the same silo would
-- have had to bump the same version first; if it slips through anyway, the primary key fails the whole statement,
-- which undoes the bump too, and Orleans retries.
('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE OrleansMembershipVersion
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND NOT EXISTS (SELECT 1 FROM OrleansMembership
                      WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port
                        AND Generation = @Generation)
    RETURNING DeploymentId
), inserted AS (
    INSERT INTO OrleansMembership (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
                                   StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted) AS Inserted
$sql$),

-- FOR UPDATE locks the member row before the version moves, so a concurrent clean-up cannot delete it between the
-- bump and the update (which would bump the version without updating anything).
('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE OrleansMembershipVersion
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND EXISTS (SELECT 1 FROM OrleansMembership
                  WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port
                    AND Generation = @Generation
                  FOR UPDATE)
    RETURNING DeploymentId
), updated AS (
    UPDATE OrleansMembership m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped
    WHERE m.DeploymentId = bumped.DeploymentId AND m.Address = @Address AND m.Port = @Port
      AND m.Generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated) AS Updated
$sql$),

-- A heartbeat never touches the table version and never moves IAmAliveTime backwards.
('UpdateIAmAlivetimeKey', $sql$
UPDATE OrleansMembership
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
  AND IAmAliveTime < @IAmAliveTime
$sql$),

('GatewaysQueryKey', $sql$
SELECT Address, ProxyPort, Generation
FROM OrleansMembership
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$sql$),

('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM OrleansMembership WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersion WHERE DeploymentId = @DeploymentId
$sql$),

-- The bulk fallback, used only when the per-row key below is missing: Dead (6) rows whose start and last heartbeat
-- are both older than the cutoff. Rows that carry suspicion votes are kept, because the age of a vote sits inside
-- the SuspectTimes string; the per-row key, which Orleans prefers, handles them.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM OrleansMembership
WHERE DeploymentId = @DeploymentId AND Status = 6
  AND IAmAliveTime < @IAmAliveTime AND StartTime < @IAmAliveTime
  AND coalesce(SuspectTimes, '') = ''
$sql$),

-- Deletes one row Orleans chose, only while it is still Dead and still holds exactly the values Orleans read.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM OrleansMembership
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
  AND SuspectTimes IS NOT DISTINCT FROM @SuspectTimes
$sql$)
ON CONFLICT (QueryKey) DO NOTHING;
