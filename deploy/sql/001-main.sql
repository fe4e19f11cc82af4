-- 001: the schema version table and OrleansQuery, the key -> SQL map that every Orleans ADO.NET provider loads
-- once at start-up. Written from shared/reference/orleans-adonet-postgres-contract.md.
--
-- Names are unquoted on purpose: Orleans selects "querykey, querytext from orleansquery" unquoted, so every name
-- here folds to lower case and is found through the connection's search_path.

-- One row per applied file of deploy/sql, written by Spin.DbSetup in the same transaction as the file.
CREATE TABLE IF NOT EXISTS SpinSchemaVersion
(
    Version integer NOT NULL CONSTRAINT SpinSchemaVersion_Key PRIMARY KEY,
    Name text NOT NULL,
    Checksum text NOT NULL,
    AppliedOn timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey text NOT NULL CONSTRAINT OrleansQuery_Key PRIMARY KEY,
    QueryText text NOT NULL
);
