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
    public async Task A_request_moves_from_in_queue_through_in_progress_to_completed_with_its_result()
    {
        await _store.InitializeAsync(Ct);

        await _store.EnqueuedAsync("iris", "req-1", Noon, Ct);
        var queued = await _store.GetAsync("iris", "req-1", Ct);
        Assert.Equal(new AsyncResult("req-1", "iris", AsyncStatus.InQueue, null, null, Noon), queued);

        await _store.StartedAsync("iris", ["req-1"], Noon.AddSeconds(1), Ct);
        var running = await _store.GetAsync("iris", "req-1", Ct);
        Assert.Equal(AsyncStatus.InProgress, running!.Status);
        Assert.Equal(Noon.AddSeconds(1), running.Timestamp);

        await _store.FinishedAsync("iris", "req-1", succeeded: true, """{"class":"setosa"}""", null, Noon.AddSeconds(2), Ct);
        var done = await _store.GetAsync("iris", "req-1", Ct);
        Assert.Equal(new AsyncResult("req-1", "iris", AsyncStatus.Completed, """{"class":"setosa"}""", null, Noon.AddSeconds(2)), done);
    }

    [Fact]
    public async Task A_failed_request_reports_its_error_and_no_result()
    {
        await _store.EnqueuedAsync("iris", "req-2", Noon, Ct);
        await _store.StartedAsync("iris", ["req-2"], Noon, Ct);

        await _store.FinishedAsync("iris", "req-2", succeeded: false, null, "input 'x' expects float32[4], got float32[3]", Noon.AddSeconds(1), Ct);

        var failed = await _store.GetAsync("iris", "req-2", Ct);
        Assert.Equal(AsyncStatus.Failed, failed!.Status);
        Assert.Null(failed.ResultJson);
        Assert.Equal("input 'x' expects float32[4], got float32[3]", failed.Error);
    }

    [Fact]
    public async Task An_id_that_was_never_submitted_reads_as_null()
    {
        await _store.EnqueuedAsync("iris", "known", Noon, Ct);

        Assert.Null(await _store.GetAsync("iris", "unknown", Ct));
    }

    [Fact]
    public async Task A_late_start_does_not_hide_a_completed_result()
    {
        await _store.EnqueuedAsync("iris", "done", Noon, Ct);
        await _store.FinishedAsync("iris", "done", succeeded: true, "[1]", null, Noon.AddSeconds(5), Ct);
        await _store.FinishedAsync("iris", "broken", succeeded: false, null, "boom", Noon.AddSeconds(5), Ct);

        // A redelivered batch reports "started" after the first delivery already finished.
        await _store.StartedAsync("iris", ["done", "broken"], Noon.AddSeconds(9), Ct);

        var done = await _store.GetAsync("iris", "done", Ct);
        Assert.Equal(AsyncStatus.Completed, done!.Status);
        Assert.Equal("[1]", done.ResultJson);
        Assert.Equal(Noon.AddSeconds(5), done.Timestamp);
        Assert.Equal(AsyncStatus.Failed, (await _store.GetAsync("iris", "broken", Ct))!.Status);
    }

    [Fact]
    public async Task A_resubmitted_id_keeps_the_progress_it_already_made()
    {
        await _store.EnqueuedAsync("iris", "req", Noon, Ct);
        await _store.StartedAsync("iris", ["req"], Noon.AddSeconds(1), Ct);

        await _store.EnqueuedAsync("iris", "req", Noon.AddSeconds(2), Ct);

        var current = await _store.GetAsync("iris", "req", Ct);
        Assert.Equal(AsyncStatus.InProgress, current!.Status);
        Assert.Equal(Noon.AddSeconds(1), current.Timestamp);
    }

    [Fact]
    public async Task A_batch_start_marks_every_id_in_progress_even_ones_never_seen_queued()
    {
        await _store.EnqueuedAsync("mnist", "a", Noon, Ct);
        await _store.EnqueuedAsync("mnist", "b", Noon, Ct);

        // "c" came from a raw AMQP client, so the ingress never recorded it as queued.
        await _store.StartedAsync("mnist", ["a", "b", "c"], Noon.AddSeconds(1), Ct);

        foreach (var id in new[] { "a", "b", "c" })
        {
            var result = await _store.GetAsync("mnist", id, Ct);
            Assert.Equal(AsyncStatus.InProgress, result!.Status);
        }
    }

    [Fact]
    public async Task The_same_id_under_two_apis_names_two_separate_requests()
    {
        await _store.EnqueuedAsync("iris", "shared-id", Noon, Ct);
        await _store.EnqueuedAsync("mnist", "shared-id", Noon, Ct);

        await _store.FinishedAsync("mnist", "shared-id", succeeded: true, "7", null, Noon.AddSeconds(1), Ct);

        Assert.Equal(AsyncStatus.InQueue, (await _store.GetAsync("iris", "shared-id", Ct))!.Status);
        Assert.Equal("7", (await _store.GetAsync("mnist", "shared-id", Ct))!.ResultJson);
        Assert.Null(await _store.GetAsync("resnet", "shared-id", Ct));
    }

    [Fact]
    public async Task Results_survive_closing_the_store_and_opening_the_same_file_again()
    {
        await _store.InitializeAsync(Ct);
        await _store.FinishedAsync("iris", "kept", succeeded: true, """{"p":0.9}""", null, Noon, Ct);
        _store.Dispose();

        using var reopened = new SqliteAsyncResultStore(_folder.DatabasePath);
        await reopened.InitializeAsync(Ct);

        Assert.Equal(new AsyncResult("kept", "iris", AsyncStatus.Completed, """{"p":0.9}""", null, Noon), await reopened.GetAsync("iris", "kept", Ct));
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

    [Fact]
    public async Task Expiry_removes_old_finished_results_but_keeps_requests_still_waiting()
    {
        var longAgo = Noon.AddDays(-30);
        await _store.FinishedAsync("iris", "old-completed", succeeded: true, "1", null, longAgo, Ct);
        await _store.FinishedAsync("iris", "old-failed", succeeded: false, null, "boom", longAgo, Ct);
        await _store.StartedAsync("iris", ["old-running"], longAgo, Ct);
        await _store.EnqueuedAsync("iris", "old-queued", longAgo, Ct);
        await _store.FinishedAsync("iris", "recent", succeeded: true, "2", null, Noon, Ct);

        var removed = await _store.ExpireAsync(Noon.AddDays(-7), Ct);

        Assert.Equal(2, removed);
        Assert.Null(await _store.GetAsync("iris", "old-completed", Ct));
        Assert.Null(await _store.GetAsync("iris", "old-failed", Ct));
        Assert.Equal(AsyncStatus.InProgress, (await _store.GetAsync("iris", "old-running", Ct))!.Status);
        Assert.Equal(AsyncStatus.InQueue, (await _store.GetAsync("iris", "old-queued", Ct))!.Status);
        Assert.Equal("2", (await _store.GetAsync("iris", "recent", Ct))!.ResultJson);
    }

    [Fact]
    public async Task Two_hundred_concurrent_writers_lose_no_update()
    {
        const int writers = 200;
        var ids = Enumerable.Range(0, writers).Select(i => $"req-{i:D3}").ToArray();

        // Each writer drives its own request through the whole life cycle while the others do the same,
        // and readers poll in between, as the ingress does while workers write.
        await Task.WhenAll(ids.Select(id => Task.Run(
            async () =>
            {
                await _store.EnqueuedAsync("mnist", id, Noon, Ct);
                await _store.StartedAsync("mnist", [id], Noon.AddSeconds(1), Ct);
                _ = await _store.GetAsync("mnist", id, Ct);
                await _store.FinishedAsync("mnist", id, succeeded: true, $$"""{"id":"{{id}}"}""", null, Noon.AddSeconds(2), Ct);
            },
            Ct)));

        foreach (var id in ids)
        {
            var result = await _store.GetAsync("mnist", id, Ct);
            Assert.Equal(AsyncStatus.Completed, result!.Status);
            Assert.Equal($$"""{"id":"{{id}}"}""", result.ResultJson);
        }
    }

    [Fact]
    public async Task Operations_after_dispose_are_refused()
    {
        _store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _store.EnqueuedAsync("iris", "late", Noon, Ct));
    }
}
