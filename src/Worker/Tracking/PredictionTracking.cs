using System.Diagnostics;
using Cortex.Queue.Config;
using Cortex.Queue.Contracts;
using Cortex.Queue.Messaging.Tracking;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Worker.Tracking;

/// <summary>
/// Turns one API's answered samples into <see cref="PredictionServed"/> events, reading the tracked value on the way.
/// A value that cannot be tracked is warned about at most once per <see cref="UntrackedWarningInterval"/> per API, with
/// the count of those left out: a misconfigured <c>tracker.key</c> fails every request alike, and a warning per
/// request buried the log (under load the console logger's thread woke about 0.6 times per request).
/// </summary>
public sealed partial class PredictionTracking(ApiConfig api, string deployment, PredictionEventPublisher publisher, ILogger logger)
{
    private static readonly TimeSpan UntrackedWarningInterval = TimeSpan.FromSeconds(10);

    private static readonly long UntrackedWarningTicks = (long)(UntrackedWarningInterval.TotalSeconds * Stopwatch.Frequency);
    private long _nextUntrackedWarningAt;
    private long _untrackedNotLogged;

    public void Record(string requestId, DateTimeOffset enqueuedAt, PredictReply reply)
    {
        var now = DateTimeOffset.UtcNow;
        var tracked = TrackedValue.None;
        if (api.Tracker is { } tracker && reply.StatusCode == 200)
        {
            tracked = TrackedValueReader.Read(tracker, reply.ResultJson);
            if (tracked.Problem is { } problem)
            {
                WarnUntracked(requestId, problem, tracked.Expected!);
            }
        }
        publisher.Enqueue(new PredictionServed(
            api.Name,
            deployment,
            requestId,
            now,
            reply.StatusCode,
            Math.Max(0, (now - enqueuedAt).TotalMilliseconds),
            reply.QueueWaitMilliseconds,
            reply.BatchSize,
            reply.WorkerId,
            tracked.Class,
            tracked.Number));
    }

    private void WarnUntracked(string requestId, string problem, string expected)
    {
        var now = Stopwatch.GetTimestamp();
        var due = Volatile.Read(ref _nextUntrackedWarningAt);
        if (now >= due && Interlocked.CompareExchange(ref _nextUntrackedWarningAt, now + UntrackedWarningTicks, due) == due)
        {
            LogUntracked(logger, api.Name, requestId, problem, expected, Interlocked.Exchange(ref _untrackedNotLogged, 0), UntrackedWarningInterval.TotalSeconds);
        }
        else
        {
            Interlocked.Increment(ref _untrackedNotLogged);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Api} request {RequestId}: the tracker could not record the prediction: {Problem}; expected {Expected}. The request was answered normally. ({NotLogged} more since the last such warning; logged at most every {Seconds} s per API)")]
    private static partial void LogUntracked(ILogger logger, string api, string requestId, string problem, string expected, long notLogged, double seconds);
}
