using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Cortex.Queue.Ingress.Dashboard;

/// <summary><c>GET /dashboard</c>: a page charting each API's request rate, latency and predictions from <c>/apis/{api}/metrics</c>.</summary>
public static class DashboardEndpoints
{
    public const string PagePath = "/dashboard";

    public static IEndpointRouteBuilder MapCortexDashboard(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(PagePath).ExcludeFromDescription();
        group.MapGet("", (HttpContext context) => Serve(context, "dashboard.html"));
        group.MapGet("/{asset}", (HttpContext context, string asset) => Serve(context, asset));
        return routes;
    }

    private static IResult Serve(HttpContext context, string name)
    {
        var asset = DashboardAssets.Find(name);
        if (asset is null)
        {
            return Results.NotFound(new { error = $"no dashboard file '{name}' (the dashboard is at {PagePath})" });
        }
        // Revalidated on every load (no-cache + ETag): a new ingress version must never run an old script.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
