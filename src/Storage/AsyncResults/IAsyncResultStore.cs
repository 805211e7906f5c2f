namespace Cortex.Queue.Storage;

/// <summary>
/// Remembers the status and outcome of async prediction requests. Ids are scoped per API: the same id under two
/// APIs names two requests. Status only moves forward: a late or redelivered "started" never hides a result.
/// </summary>
public interface IAsyncResultStore
{
    /// <summary>Creates the schema if it is missing; safe to call any number of times.</summary>
    Task InitializeAsync(CancellationToken ct);

    /// <summary>Records <c>in_queue</c>; does nothing if the request is already known (a retried submission keeps its progress).</summary>
    Task EnqueuedAsync(string api, string id, DateTimeOffset at, CancellationToken ct);

    /// <summary>Records <c>in_progress</c> for a whole batch at once; requests already completed or failed keep their outcome.</summary>
    Task StartedAsync(string api, IReadOnlyList<string> ids, DateTimeOffset at, CancellationToken ct);

    /// <summary>Records <c>completed</c> (with <paramref name="resultJson"/>) or <c>failed</c> (with <paramref name="error"/>); the latest outcome wins.</summary>
    Task FinishedAsync(string api, string id, bool succeeded, string? resultJson, string? error, DateTimeOffset at, CancellationToken ct);

    /// <summary>The request's current state, or null when the id was never seen (or has expired).</summary>
    Task<AsyncResult?> GetAsync(string api, string id, CancellationToken ct);

    /// <summary>Deletes completed and failed results last updated before <paramref name="olderThan"/>; returns how many went.</summary>
    Task<int> ExpireAsync(DateTimeOffset olderThan, CancellationToken ct);
}
