using Microsoft.Data.Sqlite;

namespace Cortex.Queue.Storage.Tests;

public sealed class SqliteAsyncResultStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDatabaseFolder _folder = new();
    private readonly SqliteAsyncResultStore _store;

    public SqliteAsyncResultStoreTests()
    {
        _store = new SqliteAsyncResultStore(_folder.DatabasePath);
    }

    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_database_file_and_its_folder_are_created_on_first_use()
    {
        var nestedPath = Path.Combine(_folder.FolderPath, ".cortex", "cortex.db");
        using var store = new SqliteAsyncResultStore(nestedPath);

        await store.EnqueuedAsync("iris", "first", Noon, Ct);

        Assert.True(File.Exists(nestedPath));
        Assert.Equal(AsyncStatus.InQueue, (await store.GetAsync("iris", "first", Ct))!.Status);
    }

    [Fact]
    public async Task The_database_uses_write_ahead_logging_so_readers_do_not_wait_for_writers()
    {
        await _store.InitializeAsync(Ct);

        await using var connection = new SqliteConnection($"Data Source={_folder.DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }
}
