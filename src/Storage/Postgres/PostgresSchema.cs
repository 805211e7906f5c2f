using Npgsql;

namespace Cortex.Queue.Storage;

/// <summary>
/// Creates and migrates the tables of both PostgreSQL stores. Each migration runs once, in order, recorded in
/// <c>schema_version</c>; an advisory lock makes concurrent starts (tracker and ingress replicas) take turns.
/// </summary>
public static class PostgresSchema
{
    private static readonly string[] Migrations =
    [
        // 1: every served prediction. (api, request_id) is the key that makes redelivered events harmless;
        // (api, deployment, at) serves the time-window queries.
        """
        CREATE TABLE IF NOT EXISTS predictions (
            api           text             NOT NULL,
            request_id    text             NOT NULL,
            deployment    text             NOT NULL,
            at            timestamptz      NOT NULL,
            status_code   integer          NOT NULL,
            latency_ms    double precision NOT NULL,
            queue_wait_ms double precision NOT NULL,
            batch_size    integer          NOT NULL,
            worker_id     text             NOT NULL,
            tracked_class text,
            tracked_value double precision,
            PRIMARY KEY (api, request_id)
        );
        CREATE INDEX IF NOT EXISTS predictions_by_api_and_time ON predictions (api, deployment, at);
        """,
        // 2: asynchronous results (same states and meaning as the embedded SQLite store).
        """
        CREATE TABLE IF NOT EXISTS async_results (
            api         text        NOT NULL,
            id          text        NOT NULL,
            status      text        NOT NULL CHECK (status IN ('in_queue', 'in_progress', 'completed', 'failed')),
            result_json text,
            error       text,
            updated_at  timestamptz NOT NULL,
            PRIMARY KEY (api, id)
        );
        CREATE INDEX IF NOT EXISTS async_results_finished_by_age
            ON async_results (updated_at) WHERE status IN ('completed', 'failed');
        """,
    ];

    /// <summary>The version a fully migrated database reports.</summary>
    public static int LatestVersion => Migrations.Length;

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(hashtext('cortex-schema:' || current_schema()));
            CREATE TABLE IF NOT EXISTS schema_version (
                version    integer     PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """,
            connection,
            transaction))
        {
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        int current;
        await using (var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version;", connection, transaction))
        {
            current = (int)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            await using var migrate = new NpgsqlCommand(Migrations[version - 1], connection, transaction);
            await migrate.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version) VALUES (@version);", connection, transaction);
            record.Parameters.AddWithValue("version", version);
            await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
