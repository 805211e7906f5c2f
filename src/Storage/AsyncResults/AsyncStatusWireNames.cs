namespace Cortex.Queue.Storage;

/// <summary>
/// The snake_case names of <see cref="AsyncStatus"/> used by <c>GET {endpoint}/async/{id}</c> and in the
/// database, so a row read with the sqlite3 shell says the same thing the HTTP API says.
/// </summary>
public static class AsyncStatusWireNames
{
    public const string InQueue = "in_queue";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static string ToWireName(this AsyncStatus status) => status switch
    {
        AsyncStatus.InQueue => InQueue,
        AsyncStatus.InProgress => InProgress,
        AsyncStatus.Completed => Completed,
        AsyncStatus.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown async status."),
    };

    public static bool IsFinished(this AsyncStatus status) => status is AsyncStatus.Completed or AsyncStatus.Failed;

    public static bool TryParse(string? wireName, out AsyncStatus status)
    {
        switch (wireName)
        {
            case InQueue: status = AsyncStatus.InQueue; return true;
            case InProgress: status = AsyncStatus.InProgress; return true;
            case Completed: status = AsyncStatus.Completed; return true;
            case Failed: status = AsyncStatus.Failed; return true;
            default: status = default; return false;
        }
    }

    public static AsyncStatus Parse(string wireName) =>
        TryParse(wireName, out var status)
            ? status
            : throw new FormatException($"'{wireName}' is not an async status; expected {InQueue}, {InProgress}, {Completed} or {Failed}.");
}
