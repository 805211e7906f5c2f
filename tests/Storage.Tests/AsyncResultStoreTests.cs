namespace Cortex.Queue.Storage.Tests;

/// <summary>The async result store's behaviour, the same on SQLite (embedded) and PostgreSQL (distributed).</summary>
public sealed class AsyncResultStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => CancellationToken.None;

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_request_moves_from_in_queue_through_in_progress_to_completed_with_its_result(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.AsyncResults;
        await store.InitializeAsync(Ct);

        await store.EnqueuedAsync("iris", "req-1", Noon, Ct);
        var queued = await store.GetAsync("iris", "req-1", Ct);
        Assert.Equal(new AsyncResult("req-1", "iris", AsyncStatus.InQueue, null, null, Noon), queued);

        await store.StartedAsync("iris", ["req-1"], Noon.AddSeconds(1), Ct);
        var running = await store.GetAsync("iris", "req-1", Ct);
        Assert.Equal(AsyncStatus.InProgress, running!.Status);
        Assert.Equal(Noon.AddSeconds(1), running.Timestamp);

        await store.FinishedAsync("iris", "req-1", succeeded: true, """{"class":"setosa"}""", null, Noon.AddSeconds(2), Ct);
        var done = await store.GetAsync("iris", "req-1", Ct);
        Assert.Equal(new AsyncResult("req-1", "iris", AsyncStatus.Completed, """{"class":"setosa"}""", null, Noon.AddSeconds(2)), done);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_failed_request_reports_its_error_and_no_result(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.AsyncResults;
        await store.EnqueuedAsync("iris", "req-2", Noon, Ct);
        await store.StartedAsync("iris", ["req-2"], Noon, Ct);

        await store.FinishedAsync("iris", "req-2", succeeded: false, null, "input 'x' expects float32[4], got float32[3]", Noon.AddSeconds(1), Ct);

        var failed = await store.GetAsync("iris", "req-2", Ct);
        Assert.Equal(AsyncStatus.Failed, failed!.Status);
        Assert.Null(failed.ResultJson);
        Assert.Equal("input 'x' expects float32[4], got float32[3]", failed.Error);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task An_id_that_was_never_submitted_reads_as_null(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.AsyncResults;
        await store.EnqueuedAsync("iris", "known", Noon, Ct);

        Assert.Null(await store.GetAsync("iris", "unknown", Ct));
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_late_start_does_not_hide_a_completed_result(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.AsyncResults;
        await store.EnqueuedAsync("iris", "done", Noon, Ct);
        await store.FinishedAsync("iris", "done", succeeded: true, "[1]", null, Noon.AddSeconds(5), Ct);
        await store.FinishedAsync("iris", "broken", succeeded: false, null, "boom", Noon.AddSeconds(5), Ct);

        // A redelivered batch reports "started" after the first delivery already finished.
        await store.StartedAsync("iris", ["done", "broken"], Noon.AddSeconds(9), Ct);

        var done = await store.GetAsync("iris", "done", Ct);
        Assert.Equal(AsyncStatus.Completed, done!.Status);
        Assert.Equal("[1]", done.ResultJson);
        Assert.Equal(Noon.AddSeconds(5), done.Timestamp);
        Assert.Equal(AsyncStatus.Failed, (await store.GetAsync("iris", "broken", Ct))!.Status);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_resubmitted_id_keeps_the_progress_it_already_made(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.AsyncResults;
        await store.EnqueuedAsync("iris", "req", Noon, Ct);
        await store.StartedAsync("iris", ["req"], Noon.AddSeconds(1), Ct);

        await store.EnqueuedAsync("iris", "req", Noon.AddSeconds(2), Ct);

        var current = await store.GetAsync("iris", "req", Ct);
        Assert.Equal(AsyncStatus.InProgress, current!.Status);
        Assert.Equal(Noon.AddSeconds(1), current.Timestamp);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_batch_start_marks_every_id_in_progress_even_ones_never_seen_queued(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.AsyncResults;
        await store.EnqueuedAsync("mnist", "a", Noon, Ct);
        await store.EnqueuedAsync("mnist", "b", Noon, Ct);

        // "c" came from a raw AMQP client, so the ingress never recorded it as queued.
        await store.StartedAsync("mnist", ["a", "b", "c"], Noon.AddSeconds(1), Ct);

        foreach (var id in new[] { "a", "b", "c" })
        {
            var result = await store.GetAsync("mnist", id, Ct);
            Assert.Equal(AsyncStatus.InProgress, result!.Status);
        }
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task The_same_id_under_two_apis_names_two_separate_requests(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.AsyncResults;
        await store.EnqueuedAsync("iris", "shared-id", Noon, Ct);
        await store.EnqueuedAsync("mnist", "shared-id", Noon, Ct);

        await store.FinishedAsync("mnist", "shared-id", succeeded: true, "7", null, Noon.AddSeconds(1), Ct);

        Assert.Equal(AsyncStatus.InQueue, (await store.GetAsync("iris", "shared-id", Ct))!.Status);
        Assert.Equal("7", (await store.GetAsync("mnist", "shared-id", Ct))!.ResultJson);
        Assert.Null(await store.GetAsync("resnet", "shared-id", Ct));
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Results_survive_closing_the_store_and_opening_the_same_database_again(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.AsyncResults;
        await store.InitializeAsync(Ct);
        await store.FinishedAsync("iris", "kept", succeeded: true, """{"p":0.9}""", null, Noon, Ct);
        ((IDisposable)store).Dispose();

        var reopened = stores.OpenAsyncResults();
        await reopened.InitializeAsync(Ct);

        Assert.Equal(new AsyncResult("kept", "iris", AsyncStatus.Completed, """{"p":0.9}""", null, Noon), await reopened.GetAsync("iris", "kept", Ct));
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Expiry_removes_old_finished_results_but_keeps_requests_still_waiting(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.AsyncResults;
        var longAgo = Noon.AddDays(-30);
        await store.FinishedAsync("iris", "old-completed", succeeded: true, "1", null, longAgo, Ct);
        await store.FinishedAsync("iris", "old-failed", succeeded: false, null, "boom", longAgo, Ct);
        await store.StartedAsync("iris", ["old-running"], longAgo, Ct);
        await store.EnqueuedAsync("iris", "old-queued", longAgo, Ct);
        await store.FinishedAsync("iris", "recent", succeeded: true, "2", null, Noon, Ct);

        var removed = await store.ExpireAsync(Noon.AddDays(-7), Ct);

        Assert.Equal(2, removed);
        Assert.Null(await store.GetAsync("iris", "old-completed", Ct));
        Assert.Null(await store.GetAsync("iris", "old-failed", Ct));
        Assert.Equal(AsyncStatus.InProgress, (await store.GetAsync("iris", "old-running", Ct))!.Status);
        Assert.Equal(AsyncStatus.InQueue, (await store.GetAsync("iris", "old-queued", Ct))!.Status);
        Assert.Equal("2", (await store.GetAsync("iris", "recent", Ct))!.ResultJson);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Two_hundred_concurrent_writers_lose_no_update(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.AsyncResults;
        const int writers = 200;
        var ids = Enumerable.Range(0, writers).Select(i => $"req-{i:D3}").ToArray();

        // Each writer drives its own request through the whole life cycle while the others do the same,
        // and readers poll in between, as the ingress does while workers write.
        await Task.WhenAll(ids.Select(id => Task.Run(
            async () =>
            {
                await store.EnqueuedAsync("mnist", id, Noon, Ct);
                await store.StartedAsync("mnist", [id], Noon.AddSeconds(1), Ct);
                _ = await store.GetAsync("mnist", id, Ct);
                await store.FinishedAsync("mnist", id, succeeded: true, $$"""{"id":"{{id}}"}""", null, Noon.AddSeconds(2), Ct);
            },
            Ct)));

        foreach (var id in ids)
        {
            var result = await store.GetAsync("mnist", id, Ct);
            Assert.Equal(AsyncStatus.Completed, result!.Status);
            Assert.Equal($$"""{"id":"{{id}}"}""", result.ResultJson);
        }
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Operations_after_dispose_are_refused(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.AsyncResults;
        ((IDisposable)store).Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.EnqueuedAsync("iris", "late", Noon, Ct));
    }
}
