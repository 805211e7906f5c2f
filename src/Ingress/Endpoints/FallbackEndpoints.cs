using Cortex.Queue.Ingress.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cortex.Queue.Ingress.Endpoints;

/// <summary>An unknown path gets a 404 that lists the endpoints that do exist.</summary>
public static class FallbackEndpoints
{
    public static IEndpointRouteBuilder MapCortexFallback(this IEndpointRouteBuilder routes)
    {
        routes.MapFallback((HttpContext http, ApiCatalog catalog) =>
        {
            var requestId = RequestIds.For(http);
            var endpoints = string.Join(", ", catalog.All.Select(a => $"{a.Config.Endpoint} ({a.Name})"));
            return ErrorResults.Error(StatusCodes.Status404NotFound, $"no API at '{http.Request.Path}'; the APIs are: {endpoints}", requestId);
        });
        return routes;
    }
}
