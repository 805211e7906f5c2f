namespace Cortex.Queue.Storage;

/// <summary>The SQL behind <see cref="PostgresAsyncResultStore"/>; the same statements as the SQLite store, in PostgreSQL's dialect.</summary>
internal static class PostgresAsyncResultSql
{
    public const string InsertQueued = """
        INSERT INTO async_results (api, id, status, updated_at)
        VALUES (@api, @id, 'in_queue', @at)
        ON CONFLICT (api, id) DO NOTHING;
        """;

    // The WHERE keeps a redelivered or slow "started" from hiding an outcome that is already stored.
    public const string UpsertInProgress = """
        INSERT INTO async_results (api, id, status, updated_at)
        SELECT @api, id, 'in_progress', @at FROM unnest(@ids) AS id
        ON CONFLICT (api, id) DO UPDATE
            SET status = excluded.status, updated_at = excluded.updated_at
            WHERE async_results.status IN ('in_queue', 'in_progress');
        """;

    public const string UpsertFinished = """
        INSERT INTO async_results (api, id, status, result_json, error, updated_at)
        VALUES (@api, @id, @status, @result, @error, @at)
        ON CONFLICT (api, id) DO UPDATE
            SET status = excluded.status,
                result_json = excluded.result_json,
                error = excluded.error,
                updated_at = excluded.updated_at;
        """;

    public const string SelectOne = """
        SELECT status, result_json, error, updated_at
        FROM async_results
        WHERE api = @api AND id = @id;
        """;

    public const string DeleteFinishedBefore = """
        DELETE FROM async_results
        WHERE status IN ('completed', 'failed') AND updated_at < @cutoff;
        """;
}
