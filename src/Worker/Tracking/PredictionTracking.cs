using Cortex.Queue.Config;
using Cortex.Queue.Contracts;
using Cortex.Queue.Messaging.Tracking;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Worker.Tracking;

/// <summary>Turns one API's answered samples into <see cref="PredictionServed"/> events, reading the tracked value on the way.</summary>
public sealed partial class PredictionTracking(ApiConfig api, string deployment, PredictionEventPublisher publisher, ILogger logger)
{
    public void Record(string requestId, DateTimeOffset enqueuedAt, PredictReply reply)
    {
        var now = DateTimeOffset.UtcNow;
        var tracked = TrackedValue.None;
        if (api.Tracker is { } tracker && reply.StatusCode == 200)
        {
            tracked = TrackedValueReader.Read(tracker, reply.ResultJson);
            if (tracked.Problem is { } problem)
            {
                LogUntracked(logger, api.Name, requestId, problem, tracked.Expected!);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Api} request {RequestId}: the tracker could not record the prediction: {Problem}; expected {Expected}. The request was answered normally.")]
    private static partial void LogUntracked(ILogger logger, string api, string requestId, string problem, string expected);
}
