namespace Cortex.Queue.Storage;

/// <summary>The SQL behind <see cref="PostgresPredictionStore"/>: staging, idempotent insert, and the metrics aggregates.</summary>
internal static class PostgresPredictionSql
{
    public const string Columns = "api, request_id, deployment, at, status_code, latency_ms, queue_wait_ms, batch_size, worker_id, tracked_class, tracked_value";

    // A session-local staging table emptied at every commit: COPY cannot skip conflicting rows itself, so the
    // rows land here first and move on with ON CONFLICT DO NOTHING.
    public const string CreateStaging = "CREATE TEMP TABLE IF NOT EXISTS prediction_staging (LIKE predictions) ON COMMIT DELETE ROWS;";

    public const string CopyIntoPredictions = $"COPY predictions ({Columns}) FROM STDIN (FORMAT BINARY)";

    public const string CopyIntoStaging = $"COPY prediction_staging ({Columns}) FROM STDIN (FORMAT BINARY)";

    public const string MoveFromStaging = $"INSERT INTO predictions ({Columns}) SELECT {Columns} FROM prediction_staging ON CONFLICT (api, request_id) DO NOTHING;";

    public const string Count = "SELECT count(*) FROM predictions WHERE api = @api;";

    private const string InWindow = "api = @api AND deployment = @deployment AND at >= @from AND at < @to";

    private const string BucketOf = "floor(extract(epoch FROM at - @from) / @bucket_seconds)::bigint";

    public const string Totals = $"""
        SELECT count(*),
               count(*) FILTER (WHERE status_code BETWEEN 200 AND 299),
               count(*) FILTER (WHERE status_code BETWEEN 400 AND 499),
               count(*) FILTER (WHERE status_code BETWEEN 500 AND 599),
               avg(latency_ms),
               percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY latency_ms),
               count(tracked_value),
               min(tracked_value),
               max(tracked_value),
               avg(tracked_value),
               percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY tracked_value)
        FROM predictions
        WHERE {InWindow};
        """;

    public const string TopClasses = $"""
        SELECT tracked_class, count(*) AS n
        FROM predictions
        WHERE {InWindow} AND tracked_class IS NOT NULL
        GROUP BY tracked_class
        ORDER BY n DESC, tracked_class
        LIMIT @limit;
        """;

    public const string Buckets = $"""
        SELECT {BucketOf} AS bucket,
               count(*),
               count(*) FILTER (WHERE status_code BETWEEN 200 AND 299),
               count(*) FILTER (WHERE status_code BETWEEN 400 AND 499),
               count(*) FILTER (WHERE status_code BETWEEN 500 AND 599),
               percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY latency_ms),
               avg(tracked_value),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY tracked_value)
        FROM predictions
        WHERE {InWindow}
        GROUP BY bucket;
        """;

    public const string BucketClasses = $"""
        SELECT {BucketOf} AS bucket, tracked_class, count(*)
        FROM predictions
        WHERE {InWindow} AND tracked_class = ANY(@classes)
        GROUP BY bucket, tracked_class;
        """;
}
