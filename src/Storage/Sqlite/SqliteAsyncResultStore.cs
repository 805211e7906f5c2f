using Microsoft.Data.Sqlite;

namespace Cortex.Queue.Storage;

/// <summary>
/// <see cref="IAsyncResultStore"/> on one SQLite file, for the embedded run mode. WAL journaling lets readers
/// (the ingress answering polls) run while a worker writes. Writes from this process go through one gate, so
/// they never fight over SQLite's single writer lock; a batch of ids is one transaction.
/// </summary>
public sealed class SqliteAsyncResultStore : IAsyncResultStore, IDisposable
{
    private readonly string _connectionString;
    private readonly string _databasePath;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _initialized;
    private bool _disposed;

    public SqliteAsyncResultStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _databasePath = Path.GetFullPath(databasePath);
        _connectionString = SqliteFile.ConnectionString(_databasePath);
    }

    public string DatabasePath => _databasePath;

    public async Task InitializeAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
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

            var folder = Path.GetDirectoryName(_databasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = await OpenAsync(ct).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = SqliteAsyncResultSql.CreateSchema;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task EnqueuedAsync(string api, string id, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(api);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return WriteAsync(
            (connection, transaction) =>
            {
                using var command = CreateCommand(connection, transaction, SqliteAsyncResultSql.InsertQueued);
                command.Parameters.AddWithValue("$api", api);
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
                return command.ExecuteNonQuery();
            },
            ct);
    }

    public Task StartedAsync(string api, IReadOnlyList<string> ids, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(api);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return Task.CompletedTask;
        }

        foreach (var id in ids)
        {
            ArgumentException.ThrowIfNullOrEmpty(id, nameof(ids));
        }

        return WriteAsync(
            (connection, transaction) =>
            {
                // One prepared statement re-bound per id: a 32-sample batch costs one commit, not 32.
                using var command = CreateCommand(connection, transaction, SqliteAsyncResultSql.UpsertInProgress);
                command.Parameters.AddWithValue("$api", api);
                command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
                var idParameter = command.Parameters.Add("$id", SqliteType.Text);
                var changed = 0;
                foreach (var id in ids)
                {
                    idParameter.Value = id;
                    changed += command.ExecuteNonQuery();
                }

                return changed;
            },
            ct);
    }

    public Task FinishedAsync(string api, string id, bool succeeded, string? resultJson, string? error, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(api);
        ArgumentException.ThrowIfNullOrEmpty(id);
        var status = succeeded ? AsyncStatus.Completed : AsyncStatus.Failed;
        return WriteAsync(
            (connection, transaction) =>
            {
                using var command = CreateCommand(connection, transaction, SqliteAsyncResultSql.UpsertFinished);
                command.Parameters.AddWithValue("$api", api);
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$status", status.ToWireName());
                command.Parameters.AddWithValue("$result", (object?)resultJson ?? DBNull.Value);
                command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
                command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
                return command.ExecuteNonQuery();
            },
            ct);
    }

    public async Task<AsyncResult?> GetAsync(string api, string id, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(api);
        ArgumentException.ThrowIfNullOrEmpty(id);
        await InitializeAsync(ct).ConfigureAwait(false);

        // Reads skip the write gate: WAL gives them a consistent snapshot while a write is in flight.
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteAsyncResultSql.SelectOne;
        command.Parameters.AddWithValue("$api", api);
        command.Parameters.AddWithValue("$id", id);
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
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }

    public Task<int> ExpireAsync(DateTimeOffset olderThan, CancellationToken ct) =>
        WriteAsync(
            (connection, transaction) =>
            {
                using var command = CreateCommand(connection, transaction, SqliteAsyncResultSql.DeleteFinishedBefore);
                command.Parameters.AddWithValue("$cutoff", olderThan.ToUnixTimeMilliseconds());
                return command.ExecuteNonQuery();
            },
            ct);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // Pooled connections keep the file (and its -wal/-shm companions) open; release them so the file can be
        // moved, deleted or opened by a fresh store, as tests and `cortex up` restarts do.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }

    private async Task<int> WriteAsync(Func<SqliteConnection, SqliteTransaction, int> write, CancellationToken ct)
    {
        await InitializeAsync(ct).ConfigureAwait(false);
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(ct).ConfigureAwait(false);

            // IMMEDIATE: take the write lock up front, so a concurrent writer in another process makes us wait
            // at BEGIN instead of failing halfway through the batch.
            using var transaction = connection.BeginTransaction(deferred: false);
            var changed = write(connection, transaction);
            transaction.Commit();
            return changed;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken ct) => SqliteFile.OpenAsync(_connectionString, ct);

    private static SqliteCommand CreateCommand(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
