namespace Cortex.Queue.Messaging.RabbitMq;

/// <summary>
/// Runs one connection's life after another for a component with its own AMQP consumer (it acknowledges, so automatic
/// recovery is off: after a reconnect the old delivery tags mean nothing, and the broker redelivers what was left
/// unacknowledged). After a lost or failed session it waits 0.2 s, doubling up to 10 s; a session that got as far as
/// consuming (it calls <c>connected</c>) starts the pauses over.
/// </summary>
public static class RabbitMqReconnectLoop
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(10);

    /// <param name="session">One connection's life; ends with an exception when the connection is lost.</param>
    /// <param name="lost">Told why a session ended and how long the loop waits before the next one.</param>
    public static async Task RunAsync(Func<Action, CancellationToken, Task> session, Action<Exception, TimeSpan> lost, CancellationToken stoppingToken)
    {
        var pause = FirstPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await session(() => pause = FirstPause, stoppingToken).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                lost(exception, pause);
            }
            try
            {
                await Task.Delay(pause, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
        }
    }
}
