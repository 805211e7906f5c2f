using System.Text.Json;
using Cortex.Queue.Config;
using Cortex.Queue.Ingress.Catalog;
using Cortex.Queue.Ingress.Endpoints;
using Cortex.Queue.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Ingress.Monitoring;

/// <summary><c>GET /apis/{api}/metrics?window=1m|1h|1d|14d</c>: request, latency and prediction statistics computed by the store.</summary>
public static partial class ApiMetricsEndpoints
{
    public static IEndpointRouteBuilder MapCortexApiMetrics(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/apis/{api}/metrics", QueryAsync);
        return routes;
    }

    private static async Task<IResult> QueryAsync(HttpContext http, string api, ApiCatalog catalog, IPredictionStore store, ILoggerFactory loggers)
    {
        var requestId = RequestIds.For(http);
        var state = catalog.Find(api);
        if (state is null)
        {
            var known = string.Join(", ", catalog.All.Select(a => a.Name));
            return ErrorResults.Error(404, $"no API named '{api}' in deployment '{catalog.Config.DeploymentName}'; its APIs are: {known}", requestId);
        }
        var windowName = http.Request.Query["window"].ToString();
        var window = windowName.Length == 0 ? MetricsWindow.Default : MetricsWindow.Find(windowName);
        if (window is null)
        {
            var allowed = string.Join(", ", MetricsWindow.All.Select(w => w.Name));
            return ErrorResults.Error(400, $"window '{windowName}' is not supported; use one of {allowed}", requestId);
        }
        var kind = state.Config.Tracker?.ModelType switch
        {
            TrackerModelType.Classification => TrackedKind.Classification,
            TrackerModelType.Regression => TrackedKind.Regression,
            _ => TrackedKind.None,
        };
        try
        {
            var metrics = await store.QueryMetricsAsync(catalog.Config.DeploymentName, api, window, kind, DateTimeOffset.UtcNow, http.RequestAborted).ConfigureAwait(false);
            return Results.Text(MetricsJson.Write(metrics).ToJsonString(JsonOptions), "application/json");
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
        {
            LogStoreUnavailable(loggers.CreateLogger("Cortex.Queue.Ingress.Metrics"), api, exception.Message);
            return ErrorResults.Error(503, $"the prediction store could not be read ({exception.Message}); try again shortly", requestId, TimeSpan.FromSeconds(5));
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics of {Api} could not be read from the store: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string api, string reason);
}
