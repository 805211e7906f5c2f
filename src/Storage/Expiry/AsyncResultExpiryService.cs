using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cortex.Queue.Storage;

/// <summary>
/// Deletes finished async results once they are older than <see cref="AsyncResultStoreOptions.Retention"/>,
/// sweeping at start-up and then every <see cref="AsyncResultStoreOptions.ExpiryInterval"/>. Requests still
/// queued or running are never swept: a client may yet be waiting for them.
/// </summary>
public sealed partial class AsyncResultExpiryService(
    IAsyncResultStore store,
    IOptions<AsyncResultStoreOptions> options,
    TimeProvider timeProvider,
    ILogger<AsyncResultExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.ExpiryInterval, timeProvider);
        try
        {
            do
            {
                await SweepOnceAsync(settings.Retention, stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; an interrupted sweep is simply done next start.
        }
    }

    private async Task SweepOnceAsync(TimeSpan retention, CancellationToken ct)
    {
        var cutoff = timeProvider.GetUtcNow() - retention;
        try
        {
            var removed = await store.ExpireAsync(cutoff, ct).ConfigureAwait(false);
            if (removed > 0)
            {
                LogExpired(logger, removed, cutoff);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A locked or briefly unavailable database must not take the whole host down; the next sweep retries.
            LogSweepFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} async results finished before {Cutoff:o}")]
    private static partial void LogExpired(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring async results failed; retrying at the next sweep")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
