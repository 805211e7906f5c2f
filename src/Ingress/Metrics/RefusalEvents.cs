using System.Diagnostics;
using Cortex.Queue.Contracts;
using Cortex.Queue.Ingress.Catalog;
using Cortex.Queue.Messaging.Tracking;

namespace Cortex.Queue.Ingress.Metrics;

/// <summary>
/// Turns the requests the ingress answers itself with an error (malformed JSON or an invalid sample 400, 413, 429,
/// no answer within the timeout 504) into <see cref="PredictionServed"/> events, so the 4XX and 5XX counts of
/// <c>/apis/{api}/metrics</c>, <c>cortex get</c> and the dashboard include them and not only what workers answered:
/// a client that got 504s must not see an API with no errors.
/// </summary>
public sealed class RefusalEvents(PredictionEventPublisher publisher, ApiCatalog catalog)
{
    /// <summary>What the events of refused requests name as their worker.</summary>
    public const string WorkerId = "ingress";

    public void Record(ApiState api, string requestId, int statusCode, long startedTimestamp)
    {
        // Stored under a key of its own, not the request id itself: a caller retrying with its own X-Request-Id after a
        // 429 must not have the answer to its retry skipped as a duplicate of the refusal.
        var key = $"{requestId}/refused-{statusCode}-{Guid.CreateVersion7():N}";
        publisher.Enqueue(new PredictionServed(
            api.Name,
            catalog.Config.DeploymentName,
            key,
            DateTimeOffset.UtcNow,
            statusCode,
            Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds,
            QueueWaitMilliseconds: 0,
            BatchSize: 0,
            WorkerId,
            TrackedClass: null,
            TrackedValue: null));
    }
}
