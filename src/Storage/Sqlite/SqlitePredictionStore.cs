using System.Text.Json;
using Cortex.Queue.Contracts;
using Microsoft.Data.Sqlite;

namespace Cortex.Queue.Storage;

/// <summary>
/// <see cref="IPredictionStore"/> on the embedded SQLite file (the same file as the async results) for
/// <c>cortex up</c>. A batch is one IMMEDIATE transaction of prepared inserts that skip rows already stored.
/// </summary>
public sealed class SqlitePredictionStore : IPredictionStore, IDisposable
{
    private readonly string _connectionString;
    private readonly string _databasePath;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _initialized;

    public SqlitePredictionStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _databasePath = Path.GetFullPath(databasePath);
        _connectionString = SqliteFile.ConnectionString(_databasePath);
    }

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (_initialized)
        {
            return;
        }
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }
            if (Path.GetDirectoryName(_databasePath) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
            await using var connection = await OpenAsync(ct).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;" + SqlitePredictionSql.CreateSchema;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<int> AppendAsync(IReadOnlyList<PredictionServed> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }
        await InitializeAsync(ct).ConfigureAwait(false);
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(ct).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SqlitePredictionSql.Insert;
            var api = command.Parameters.Add("$api", SqliteType.Text);
            var requestId = command.Parameters.Add("$request_id", SqliteType.Text);
            var deployment = command.Parameters.Add("$deployment", SqliteType.Text);
            var at = command.Parameters.Add("$at", SqliteType.Integer);
            var status = command.Parameters.Add("$status", SqliteType.Integer);
            var latency = command.Parameters.Add("$latency", SqliteType.Real);
            var queueWait = command.Parameters.Add("$queue_wait", SqliteType.Real);
            var batchSize = command.Parameters.Add("$batch_size", SqliteType.Integer);
            var worker = command.Parameters.Add("$worker", SqliteType.Text);
            var trackedClass = command.Parameters.Add("$class", SqliteType.Text);
            var trackedValue = command.Parameters.Add("$value", SqliteType.Real);
            var inserted = 0;
            foreach (var e in events)
            {
                api.Value = e.Api;
                requestId.Value = e.RequestId;
                deployment.Value = e.Deployment;
                at.Value = e.At.ToUnixTimeMilliseconds();
                status.Value = e.StatusCode;
                latency.Value = e.LatencyMilliseconds;
                queueWait.Value = e.QueueWaitMilliseconds;
                batchSize.Value = e.BatchSize;
                worker.Value = e.WorkerId;
                trackedClass.Value = (object?)e.TrackedClass ?? DBNull.Value;
                trackedValue.Value = (object?)e.TrackedValue ?? DBNull.Value;
                inserted += command.ExecuteNonQuery();
            }
            transaction.Commit();
            return inserted;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<long> CountAsync(string api, CancellationToken ct)
    {
        await InitializeAsync(ct).ConfigureAwait(false);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SqlitePredictionSql.Count;
        command.Parameters.AddWithValue("$api", api);
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    public async Task<ApiMetrics> QueryMetricsAsync(string deployment, string api, MetricsWindow window, TrackedKind kind, DateTimeOffset now, CancellationToken ct)
    {
        await InitializeAsync(ct).ConfigureAwait(false);
        var metrics = new MetricsAccumulator(api, window, kind, now);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);

        // One read transaction: every query sees the same snapshot of the WAL.
        using var transaction = connection.BeginTransaction(deferred: true);
        await ReadAsync(connection, transaction, deployment, SqlitePredictionSql.Totals, api, metrics, window, reader =>
        {
            metrics.SetTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), NullableDouble(reader, 4));
            metrics.SetValues(reader.GetInt64(5), NullableDouble(reader, 6), NullableDouble(reader, 7), NullableDouble(reader, 8));
        }, ct).ConfigureAwait(false);
        await ReadAsync(connection, transaction, deployment, SqlitePredictionSql.WindowPercentiles("latency_ms"), api, metrics, window,
            reader => metrics.SetLatencyPercentile(reader.GetInt32(1), NullableDouble(reader, 2)), ct).ConfigureAwait(false);
        await ReadAsync(connection, transaction, deployment, SqlitePredictionSql.WindowPercentiles("tracked_value"), api, metrics, window,
            reader => metrics.SetValuePercentile(reader.GetInt32(1), NullableDouble(reader, 2)), ct).ConfigureAwait(false);
        if (kind == TrackedKind.Classification)
        {
            await ReadAsync(connection, transaction, deployment, SqlitePredictionSql.TopClasses, api, metrics, window,
                reader => metrics.AddClass(reader.GetString(0), reader.GetInt64(1)), ct,
                command => command.Parameters.AddWithValue("$limit", MetricsAccumulator.TopClasses)).ConfigureAwait(false);
        }
        await ReadAsync(connection, transaction, deployment, SqlitePredictionSql.Buckets, api, metrics, window, reader =>
        {
            var bucket = reader.GetInt64(0);
            metrics.SetBucketTotals(bucket, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }, ct).ConfigureAwait(false);
        await ReadAsync(connection, transaction, deployment, SqlitePredictionSql.BucketPercentiles("latency_ms"), api, metrics, window,
            reader => metrics.SetBucketLatencyPercentile(reader.GetInt64(0), reader.GetInt32(1), NullableDouble(reader, 2)), ct).ConfigureAwait(false);
        if (kind == TrackedKind.Regression)
        {
            var averages = new Dictionary<long, double?>();
            await ReadAsync(connection, transaction, deployment, SqlitePredictionSql.Buckets, api, metrics, window,
                reader => averages[reader.GetInt64(0)] = NullableDouble(reader, 5), ct).ConfigureAwait(false);
            var medians = new Dictionary<long, double?>();
            await ReadAsync(connection, transaction, deployment, SqlitePredictionSql.BucketPercentiles("tracked_value"), api, metrics, window, reader =>
            {
                if (reader.GetInt32(1) == 0)
                {
                    medians[reader.GetInt64(0)] = NullableDouble(reader, 2);
                }
            }, ct).ConfigureAwait(false);
            foreach (var (bucket, average) in averages)
            {
                metrics.SetBucketValues(bucket, average, medians.GetValueOrDefault(bucket));
            }
        }
        if (kind == TrackedKind.Classification && metrics.ClassNames.Count > 0)
        {
            var names = JsonSerializer.Serialize(metrics.ClassNames);
            await ReadAsync(connection, transaction, deployment, SqlitePredictionSql.BucketClasses, api, metrics, window,
                reader => metrics.AddBucketClass(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)), ct,
                command => command.Parameters.AddWithValue("$classes", names)).ConfigureAwait(false);
        }
        transaction.Commit();
        return metrics.Build();
    }

    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        _writeGate.Dispose();
    }

    private static async Task ReadAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string deployment,
        string sql,
        string api,
        MetricsAccumulator metrics,
        MetricsWindow window,
        Action<SqliteDataReader> row,
        CancellationToken ct,
        Action<SqliteCommand>? addParameters = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$api", api);
        command.Parameters.AddWithValue("$deployment", deployment);
        command.Parameters.AddWithValue("$from", metrics.From.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", metrics.To.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$bucket_ms", (long)window.Bucket.TotalMilliseconds);
        addParameters?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            row(reader);
        }
    }

    private static double? NullableDouble(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private Task<SqliteConnection> OpenAsync(CancellationToken ct) => SqliteFile.OpenAsync(_connectionString, ct);
}
