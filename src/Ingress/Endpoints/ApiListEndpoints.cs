using System.Text.Json.Nodes;
using Cortex.Queue.Ingress.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cortex.Queue.Ingress.Endpoints;

/// <summary><c>GET /apis</c>: each API with its endpoint, model and live workers, so clients (and <c>cortex predict</c>) can find it.</summary>
public static class ApiListEndpoints
{
    public static IEndpointRouteBuilder MapCortexApiList(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/apis", (ApiCatalog catalog, IngressOptions options) =>
        {
            var apis = new JsonArray();
            foreach (var api in catalog.All)
            {
                apis.Add(new JsonObject
                {
                    ["name"] = api.Name,
                    ["endpoint"] = api.Config.Endpoint,
                    ["model"] = api.Config.Model.Path,
                    ["model_kind"] = api.Config.Model.Kind.ToString().ToLowerInvariant(),
                    ["loaded_model"] = api.ModelDescription,
                    ["workers"] = api.LiveWorkers(options.WorkerLiveness),
                    ["last_update"] = api.LastHeartbeat?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    ["tracker"] = api.Config.Tracker is { } tracker
                        ? new JsonObject { ["key"] = tracker.Key, ["model_type"] = tracker.ModelType.ToString().ToLowerInvariant() }
                        : null,
                });
            }
            return Results.Text(new JsonObject { ["deployment"] = catalog.Config.DeploymentName, ["apis"] = apis }.ToJsonString(), "application/json");
        });
        return routes;
    }
}
