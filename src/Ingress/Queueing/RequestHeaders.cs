using System.Globalization;
using Cortex.Queue.Contracts;
using MassTransit;

namespace Cortex.Queue.Ingress.Queueing;

/// <summary>The headers every message the ingress puts on an API's queue carries.</summary>
public static class RequestHeaders
{
    /// <param name="requestId">The caller's request id; null for a coalesced group, whose samples carry their own.</param>
    /// <param name="enqueuedAt">When the (oldest) request reached the ingress.</param>
    public static void Stamp(SendContext context, string? requestId, bool debug, DateTimeOffset enqueuedAt)
    {
        context.Headers.Set(CortexHeaders.EnqueuedAt, enqueuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        if (requestId is not null)
        {
            context.Headers.Set(CortexHeaders.RequestId, requestId);
        }
        if (debug)
        {
            context.Headers.Set(CortexHeaders.Debug, "true");
        }
    }
}
