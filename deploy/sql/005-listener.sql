-- 005: the chain listener's lease and durable cursor (cluster mode), used by Spin.Silo's PostgresListenerLease.
--
-- One row per service and SpinPet program. The silo named in Holder runs the listener until ExpiresAt, a time of the
-- database's clock (now()), so the silos' clocks never matter. Every takeover increments Token, the fencing token: the
-- cursor is written only WHERE Holder and Token are the writer's and the lease has not expired, so a silo that lost the
-- lease (paused, partitioned, slow) can never move the cursor the new holder resumes from. The cursor is the newest
-- transaction whose events, and those of every older one, are applied; NULL before the first batch.

CREATE TABLE IF NOT EXISTS SpinListenerLease
(
    ServiceId text NOT NULL,
    ProgramId text NOT NULL,
    Holder text NOT NULL,
    ExpiresAt timestamptz NOT NULL,
    Token bigint NOT NULL,
    CursorSlot bigint NULL,
    CursorSignature text NULL,
    CursorUpdatedAt timestamptz NULL,
    CONSTRAINT SpinListenerLease_Key PRIMARY KEY (ServiceId, ProgramId)
);
