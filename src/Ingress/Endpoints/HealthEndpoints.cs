using System.Text.Json.Nodes;
using Cortex.Queue.Ingress.Catalog;
using Cortex.Queue.Ingress.Warmup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cortex.Queue.Ingress.Endpoints;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the bus is connected and, where required, every API has a worker).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapCortexHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => Results.Text("ok"));
        routes.MapGet("/readyz", ReadyAsync);
        return routes;
    }

    private static async Task<IResult> ReadyAsync(HealthCheckService health, ApiCatalog catalog, IngressOptions options, ReplyPathWarmup warmup, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        var busReady = report.Status == HealthStatus.Healthy && warmup.Done;
        var apis = new JsonObject();
        var workersReady = true;
        foreach (var api in catalog.All)
        {
            var workers = api.LiveWorkers(options.WorkerLiveness);
            workersReady &= workers > 0;
            apis[api.Name] = new JsonObject { ["endpoint"] = api.Config.Endpoint, ["workers"] = workers, ["signature_known"] = api.Signature is not null };
        }
        var ready = busReady && (!options.RequireWorkersForReadiness || workersReady);
        var body = new JsonObject
        {
            ["status"] = ready ? "ready" : "not ready",
            ["bus"] = report.Status.ToString(),
            ["reply_path"] = warmup.Done ? "ready" : "warming up",
            ["apis"] = apis,
        };
        return Results.Text(body.ToJsonString(), "application/json", statusCode: ready ? 200 : 503);
    }
}
