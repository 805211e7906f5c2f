using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cortex.Queue.Tracker.Health;

/// <summary>
/// <c>/healthz</c> (the process answers) and <c>/readyz</c> (every health check passes: the bus is connected and, on RabbitMQ,
/// the prediction event consumer has bound its queue) for the tracker's probes.
/// Readiness deliberately ignores PostgreSQL: while it is down the tracker is doing its job (events wait in the
/// queue and are written when it returns), and restarting or unrouting the pod would not bring the database back.
/// </summary>
public static class TrackerHealthEndpoints
{
    public static IEndpointRouteBuilder MapTrackerHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => Results.Text("ok"));
        routes.MapGet("/readyz", async (HealthCheckService health, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
            var ready = report.Status == HealthStatus.Healthy;
            return Results.Text($$"""{"status":"{{(ready ? "ready" : "not ready")}}","bus":"{{report.Status}}"}""", "application/json", statusCode: ready ? 200 : 503);
        });
        return routes;
    }
}
