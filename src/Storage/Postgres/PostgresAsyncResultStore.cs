using Npgsql;
using NpgsqlTypes;

namespace Cortex.Queue.Storage;

/// <summary>
/// <see cref="IAsyncResultStore"/> on PostgreSQL for the distributed mode: the tracker records progress and
/// outcomes, every ingress replica reads them. Times are kept to the millisecond, as in the SQLite store, so both
/// stores report the same timestamps.
/// </summary>
public sealed class PostgresAsyncResultStore(NpgsqlDataSource dataSource) : IAsyncResultStore, IDisposable
{
    private readonly PostgresSchemaGate _schema = new(dataSource);
    private bool _disposed;

    public Task InitializeAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _schema.EnsureAsync(ct);
    }

    public async Task EnqueuedAsync(string api, string id, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(api);
        ArgumentException.ThrowIfNullOrEmpty(id);
        await InitializeAsync(ct).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand(PostgresAsyncResultSql.InsertQueued);
        command.Parameters.AddWithValue("api", api);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("at", NpgsqlDbType.TimestampTz, ToMilliseconds(at));
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task StartedAsync(string api, IReadOnlyList<string> ids, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(api);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }
        foreach (var id in ids)
        {
            ArgumentException.ThrowIfNullOrEmpty(id, nameof(ids));
        }
        await InitializeAsync(ct).ConfigureAwait(false);

        // One statement for the whole batch: the ids travel as one array parameter.
        await using var command = dataSource.CreateCommand(PostgresAsyncResultSql.UpsertInProgress);
        command.Parameters.AddWithValue("api", api);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        command.Parameters.AddWithValue("at", NpgsqlDbType.TimestampTz, ToMilliseconds(at));
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task FinishedAsync(string api, string id, bool succeeded, string? resultJson, string? error, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(api);
        ArgumentException.ThrowIfNullOrEmpty(id);
        await InitializeAsync(ct).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand(PostgresAsyncResultSql.UpsertFinished);
        command.Parameters.AddWithValue("api", api);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", (succeeded ? AsyncStatus.Completed : AsyncStatus.Failed).ToWireName());
        command.Parameters.AddWithValue("result", NpgsqlDbType.Text, (object?)resultJson ?? DBNull.Value);
        command.Parameters.AddWithValue("error", NpgsqlDbType.Text, (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("at", NpgsqlDbType.TimestampTz, ToMilliseconds(at));
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<AsyncResult?> GetAsync(string api, string id, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(api);
        ArgumentException.ThrowIfNullOrEmpty(id);
        await InitializeAsync(ct).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand(PostgresAsyncResultSql.SelectOne);
        command.Parameters.AddWithValue("api", api);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            return null;
        }
        return new AsyncResult(
            id,
            api,
            AsyncStatusWireNames.Parse(reader.GetString(0)),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero));
    }

    public async Task<int> ExpireAsync(DateTimeOffset olderThan, CancellationToken ct)
    {
        await InitializeAsync(ct).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand(PostgresAsyncResultSql.DeleteFinishedBefore);
        command.Parameters.AddWithValue("cutoff", NpgsqlDbType.TimestampTz, ToMilliseconds(olderThan));
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _schema.Dispose();
    }

    private static DateTime ToMilliseconds(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()).UtcDateTime;
}
