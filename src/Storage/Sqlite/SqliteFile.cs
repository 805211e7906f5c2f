using Microsoft.Data.Sqlite;

namespace Cortex.Queue.Storage;

/// <summary>
/// How the embedded stores reach their shared SQLite file: the async results and the predictions live in one file, so
/// both open it alike.
/// </summary>
internal static class SqliteFile
{
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // The other store, or another process on the same file (a CLI `cortex get`), may hold the write lock briefly;
        // wait for it rather than fail.
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>An open connection with the per-connection settings (<see cref="SqliteAsyncResultSql.ConfigureConnection"/>).</summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = SqliteAsyncResultSql.ConfigureConnection;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
