namespace Cortex.Queue.Storage;

/// <summary>
/// The SQL behind <see cref="SqlitePredictionStore"/>. SQLite has no percentile_cont, so percentiles are computed
/// the same way with window functions: rank the values of each group, then interpolate between the two ranks
/// around p × (n − 1), exactly as PostgreSQL does, so both stores give the same numbers.
/// </summary>
internal static class SqlitePredictionSql
{
    public const string CreateSchema = """
        CREATE TABLE IF NOT EXISTS predictions (
            api           TEXT    NOT NULL,
            request_id    TEXT    NOT NULL,
            deployment    TEXT    NOT NULL,
            at_ms         INTEGER NOT NULL,
            status_code   INTEGER NOT NULL,
            latency_ms    REAL    NOT NULL,
            queue_wait_ms REAL    NOT NULL,
            batch_size    INTEGER NOT NULL,
            worker_id     TEXT    NOT NULL,
            tracked_class TEXT,
            tracked_value REAL,
            PRIMARY KEY (api, request_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS predictions_by_api_and_time ON predictions (api, deployment, at_ms);
        """;

    public const string Insert = """
        INSERT INTO predictions (api, request_id, deployment, at_ms, status_code, latency_ms, queue_wait_ms, batch_size, worker_id, tracked_class, tracked_value)
        VALUES ($api, $request_id, $deployment, $at, $status, $latency, $queue_wait, $batch_size, $worker, $class, $value)
        ON CONFLICT (api, request_id) DO NOTHING;
        """;

    public const string Count = "SELECT count(*) FROM predictions WHERE api = $api;";

    private const string InWindow = "api = $api AND deployment = $deployment AND at_ms >= $from AND at_ms < $to";

    private const string BucketOf = "((at_ms - $from) / $bucket_ms)";

    public const string Totals = $"""
        SELECT count(*),
               count(*) FILTER (WHERE status_code BETWEEN 200 AND 299),
               count(*) FILTER (WHERE status_code BETWEEN 400 AND 499),
               count(*) FILTER (WHERE status_code BETWEEN 500 AND 599),
               avg(latency_ms),
               count(tracked_value),
               min(tracked_value),
               max(tracked_value),
               avg(tracked_value)
        FROM predictions
        WHERE {InWindow};
        """;

    public const string TopClasses = $"""
        SELECT tracked_class, count(*) AS n
        FROM predictions
        WHERE {InWindow} AND tracked_class IS NOT NULL
        GROUP BY tracked_class
        ORDER BY n DESC, tracked_class
        LIMIT $limit;
        """;

    public const string Buckets = $"""
        SELECT {BucketOf} AS bucket,
               count(*),
               count(*) FILTER (WHERE status_code BETWEEN 200 AND 299),
               count(*) FILTER (WHERE status_code BETWEEN 400 AND 499),
               count(*) FILTER (WHERE status_code BETWEEN 500 AND 599),
               avg(tracked_value)
        FROM predictions
        WHERE {InWindow}
        GROUP BY bucket;
        """;

    public const string BucketClasses = $"""
        SELECT {BucketOf} AS bucket, tracked_class, count(*)
        FROM predictions
        WHERE {InWindow} AND tracked_class IN (SELECT value FROM json_each($classes))
        GROUP BY bucket, tracked_class;
        """;

    /// <summary>Whole-window percentiles of <paramref name="column"/>: rows (0, percentile index, value).</summary>
    public static string WindowPercentiles(string column) => Percentiles(column, "0");

    /// <summary>Per-bucket percentiles of <paramref name="column"/>: rows (bucket, percentile index, value).</summary>
    public static string BucketPercentiles(string column) => Percentiles(column, BucketOf);

    private static string Percentiles(string column, string groupExpression) => $"""
        WITH ranked AS (
            SELECT {groupExpression} AS grp,
                   {column} AS v,
                   row_number() OVER (PARTITION BY {groupExpression} ORDER BY {column}) - 1 AS rn,
                   count(*) OVER (PARTITION BY {groupExpression}) AS n
            FROM predictions
            WHERE {InWindow} AND {column} IS NOT NULL
        ),
        wanted (idx, q) AS (VALUES (0, 0.5), (1, 0.9), (2, 0.99)),
        positioned AS (
            SELECT grp, v, rn, n, idx, q * (n - 1) AS pos, CAST(q * (n - 1) AS INTEGER) AS lower_rank
            FROM ranked CROSS JOIN wanted
        ),
        bounds AS (
            SELECT grp, idx,
                   max(CASE WHEN rn = lower_rank THEN v END) AS lower_value,
                   max(CASE WHEN rn = min(lower_rank + 1, n - 1) THEN v END) AS upper_value,
                   max(pos - lower_rank) AS fraction
            FROM positioned
            WHERE rn IN (lower_rank, lower_rank + 1)
            GROUP BY grp, idx
        )
        SELECT grp, idx, lower_value + fraction * (upper_value - lower_value)
        FROM bounds;
        """;
}
