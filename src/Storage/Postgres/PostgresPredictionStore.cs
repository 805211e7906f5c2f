using Cortex.Queue.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace Cortex.Queue.Storage;

/// <summary>
/// <see cref="IPredictionStore"/> on PostgreSQL, for the distributed tracker and the ingress that queries it.
/// A batch is written with one binary COPY straight into the table; when that fails on the primary key (a redelivered
/// event), the batch is written again through a staging table and INSERT … ON CONFLICT DO NOTHING. Either way in one
/// transaction: a batch is stored whole or not at all, and events stored before are skipped.
/// </summary>
public sealed class PostgresPredictionStore(NpgsqlDataSource dataSource) : IPredictionStore, IDisposable
{
    private readonly PostgresSchemaGate _schema = new(dataSource);

    public Task InitializeAsync(CancellationToken ct) => _schema.EnsureAsync(ct);

    public async Task<int> AppendAsync(IReadOnlyList<PredictionServed> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }
        await _schema.EnsureAsync(ct).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);

        // Fast path: straight into the table. A redelivered event is rare, and the whole COPY then fails on the
        // primary key (nothing of it is kept), so only such a batch pays for the staging table below, which writes
        // every row twice (measured: the staging path alone ran at about a fifth of a raw COPY).
        await using (var direct = await connection.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            try
            {
                await CopyAsync(connection, PostgresPredictionSql.CopyIntoPredictions, events, ct).ConfigureAwait(false);
                await direct.CommitAsync(ct).ConfigureAwait(false);
                return events.Count;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await direct.RollbackAsync(ct).ConfigureAwait(false);
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var staging = new NpgsqlCommand(PostgresPredictionSql.CreateStaging, connection, transaction))
        {
            await staging.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await CopyAsync(connection, PostgresPredictionSql.CopyIntoStaging, events, ct).ConfigureAwait(false);
        int inserted;
        await using (var move = new NpgsqlCommand(PostgresPredictionSql.MoveFromStaging, connection, transaction))
        {
            inserted = await move.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return inserted;
    }

    /// <summary>
    /// Writes <paramref name="events"/> with a binary COPY command (also what the benchmark's raw baseline runs), in
    /// chunks of <see cref="PredictionCopyRows.FlushThreshold"/> bytes so PostgreSQL works on the first rows while the
    /// rest are encoded. An error PostgreSQL raises on the rows (a duplicate key) surfaces when the COPY completes.
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, string copyCommand, IReadOnlyList<PredictionServed> events, CancellationToken ct)
    {
        using var rows = new PredictionCopyRows();
        await using var copy = await connection.BeginRawBinaryCopyAsync(copyCommand, ct).ConfigureAwait(false);
        rows.WriteHeader();
        if (events is EncodedPredictionEvents encoded)
        {
            // Received events go from their message encoding straight into COPY rows.
            foreach (var payload in encoded.Payloads)
            {
                var cursor = new PredictionEventCursor(payload);
                while (WriteUntilFull(rows, encoded, ref cursor))
                {
                    await copy.WriteAsync(rows.Written, ct).ConfigureAwait(false);
                    rows.Clear();
                }
            }
        }
        else
        {
            foreach (var e in events)
            {
                rows.WriteRow(e);
                if (rows.ShouldFlush)
                {
                    await copy.WriteAsync(rows.Written, ct).ConfigureAwait(false);
                    rows.Clear();
                }
            }
        }
        rows.WriteTrailer();
        await copy.WriteAsync(rows.Written, ct).ConfigureAwait(false);
    }

    /// <summary>Writes rows from <paramref name="cursor"/> until the buffer should be sent (true) or the payload is done (false).</summary>
    private static bool WriteUntilFull(PredictionCopyRows rows, EncodedPredictionEvents encoded, ref PredictionEventCursor cursor)
    {
        while (cursor.TryRead(out var e))
        {
            if (encoded.Includes(e))
            {
                rows.WriteRow(e);
                if (rows.ShouldFlush)
                {
                    return true;
                }
            }
        }
        return false;
    }

    public async Task<long> CountAsync(string api, CancellationToken ct)
    {
        await _schema.EnsureAsync(ct).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand(PostgresPredictionSql.Count);
        command.Parameters.AddWithValue("api", api);
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    public async Task<ApiMetrics> QueryMetricsAsync(string deployment, string api, MetricsWindow window, TrackedKind kind, DateTimeOffset now, CancellationToken ct)
    {
        await _schema.EnsureAsync(ct).ConfigureAwait(false);
        var metrics = new MetricsAccumulator(api, window, kind, now);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);

        // One snapshot for every query, so the totals and the series agree with each other.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        await using (var totals = WindowCommand(PostgresPredictionSql.Totals, connection, transaction, deployment, api, metrics, window))
        await using (var reader = await totals.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            await reader.ReadAsync(ct).ConfigureAwait(false);
            metrics.SetTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), NullableDouble(reader, 4));
            SetPercentiles(reader, 5, metrics.SetLatencyPercentile);
            metrics.SetValues(reader.GetInt64(6), NullableDouble(reader, 7), NullableDouble(reader, 8), NullableDouble(reader, 9));
            SetPercentiles(reader, 10, metrics.SetValuePercentile);
        }
        if (kind == TrackedKind.Classification)
        {
            await using var classes = WindowCommand(PostgresPredictionSql.TopClasses, connection, transaction, deployment, api, metrics, window);
            classes.Parameters.AddWithValue("limit", MetricsAccumulator.TopClasses);
            await using var reader = await classes.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                metrics.AddClass(reader.GetString(0), reader.GetInt64(1));
            }
        }
        await using (var buckets = WindowCommand(PostgresPredictionSql.Buckets, connection, transaction, deployment, api, metrics, window))
        await using (var reader = await buckets.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var bucket = reader.GetInt64(0);
                metrics.SetBucketTotals(bucket, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
                SetPercentiles(reader, 5, (index, value) => metrics.SetBucketLatencyPercentile(bucket, index, value));
                metrics.SetBucketValues(bucket, NullableDouble(reader, 6), NullableDouble(reader, 7));
            }
        }
        if (kind == TrackedKind.Classification && metrics.ClassNames.Count > 0)
        {
            await using var classes = WindowCommand(PostgresPredictionSql.BucketClasses, connection, transaction, deployment, api, metrics, window);
            classes.Parameters.AddWithValue("classes", metrics.ClassNames.ToArray());
            await using var reader = await classes.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                metrics.AddBucketClass(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
            }
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return metrics.Build();
    }

    public void Dispose() => _schema.Dispose();

    private static NpgsqlCommand WindowCommand(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, string deployment, string api, MetricsAccumulator metrics, MetricsWindow window)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("api", api);
        command.Parameters.AddWithValue("deployment", deployment);
        command.Parameters.AddWithValue("from", NpgsqlDbType.TimestampTz, metrics.From.UtcDateTime);
        command.Parameters.AddWithValue("to", NpgsqlDbType.TimestampTz, metrics.To.UtcDateTime);
        command.Parameters.AddWithValue("bucket_seconds", window.Bucket.TotalSeconds);
        return command;
    }

    private static double? NullableDouble(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static void SetPercentiles(NpgsqlDataReader reader, int ordinal, Action<int, double?> set)
    {
        if (reader.IsDBNull(ordinal))
        {
            return;
        }
        var values = reader.GetFieldValue<double[]>(ordinal);
        for (var i = 0; i < values.Length && i < MetricsAccumulator.Percentiles.Length; i++)
        {
            set(i, values[i]);
        }
    }
}
