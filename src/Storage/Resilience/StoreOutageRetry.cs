using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Storage;

/// <summary>
/// Waits out an unreachable store for a message consumer: the write is tried again with growing pauses (0.2 s doubling
/// to 10 s) for as long as the store stays unreachable, so the message stays unacknowledged meanwhile and nothing goes
/// to an error queue because the database was restarting. One warning when the outage starts and one line when it ends,
/// not a stack trace per attempt. Failures that are not about reaching the store are thrown at once.
/// </summary>
public static partial class StoreOutageRetry
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(10);

    public static async Task<T> RunAsync<T>(Func<Task<T>> write, string what, ILogger logger, CancellationToken ct)
    {
        var pause = FirstPause;
        var waitingSince = (DateTime?)null;
        while (true)
        {
            try
            {
                var result = await write().ConfigureAwait(false);
                if (waitingSince is { } since)
                {
                    LogRecovered(logger, what, (DateTime.UtcNow - since).TotalSeconds);
                }
                return result;
            }
            catch (Exception exception) when (StoreConnectivity.IsUnreachable(exception) && !ct.IsCancellationRequested)
            {
                if (waitingSince is null)
                {
                    waitingSince = DateTime.UtcNow;
                    LogUnreachable(logger, what, exception.Message);
                }
                await Task.Delay(pause, ct).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(MaxPause.Ticks, pause.Ticks * 2));
            }
        }
    }

    public static Task RunAsync(Func<Task> write, string what, ILogger logger, CancellationToken ct) =>
        RunAsync(async () =>
        {
            await write().ConfigureAwait(false);
            return true;
        }, what, logger, ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store is unreachable while {What} ({Reason}); waiting for it, the messages stay queued")]
    private static partial void LogUnreachable(ILogger logger, string what, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is reachable again after {Seconds:0.#} s; {What} resumed")]
    private static partial void LogRecovered(ILogger logger, string what, double seconds);
}
