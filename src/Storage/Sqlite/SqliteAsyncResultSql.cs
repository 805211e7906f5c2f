namespace Cortex.Queue.Storage;

/// <summary>The SQL behind <see cref="SqliteAsyncResultStore"/>, kept in one place so the schema and its queries read together.</summary>
internal static class SqliteAsyncResultSql
{
    // WITHOUT ROWID: rows are always found by (api, id), so the primary key is the table.
    // Times are Unix milliseconds: sortable integers, and as precise as the JSON timestamp clients see.
    public const string CreateSchema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS async_results (
            api           TEXT    NOT NULL,
            id            TEXT    NOT NULL,
            status        TEXT    NOT NULL CHECK (status IN ('in_queue', 'in_progress', 'completed', 'failed')),
            result_json   TEXT,
            error         TEXT,
            updated_at_ms INTEGER NOT NULL,
            PRIMARY KEY (api, id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS async_results_finished_by_age
            ON async_results (updated_at_ms) WHERE status IN ('completed', 'failed');
        """;

    // A synchronous=NORMAL commit in WAL mode survives a process crash; only a power cut can forget the last
    // moments, which is worth not waiting for an fsync on every status change.
    public const string ConfigureConnection = "PRAGMA synchronous = NORMAL;";

    public const string InsertQueued = """
        INSERT INTO async_results (api, id, status, updated_at_ms)
        VALUES ($api, $id, 'in_queue', $at)
        ON CONFLICT (api, id) DO NOTHING;
        """;

    // The WHERE keeps a redelivered or slow "started" from hiding an outcome that is already stored.
    public const string UpsertInProgress = """
        INSERT INTO async_results (api, id, status, updated_at_ms)
        VALUES ($api, $id, 'in_progress', $at)
        ON CONFLICT (api, id) DO UPDATE
            SET status = excluded.status, updated_at_ms = excluded.updated_at_ms
            WHERE async_results.status IN ('in_queue', 'in_progress');
        """;

    public const string UpsertFinished = """
        INSERT INTO async_results (api, id, status, result_json, error, updated_at_ms)
        VALUES ($api, $id, $status, $result, $error, $at)
        ON CONFLICT (api, id) DO UPDATE
            SET status = excluded.status,
                result_json = excluded.result_json,
                error = excluded.error,
                updated_at_ms = excluded.updated_at_ms;
        """;

    public const string SelectOne = """
        SELECT status, result_json, error, updated_at_ms
        FROM async_results
        WHERE api = $api AND id = $id;
        """;

    public const string DeleteFinishedBefore = """
        DELETE FROM async_results
        WHERE status IN ('completed', 'failed') AND updated_at_ms < $cutoff;
        """;
}
