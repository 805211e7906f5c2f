using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Cortex.Queue.Ingress.Catalog;
using Cortex.Queue.Ingress.Dispatch;
using Cortex.Queue.Ingress.Queueing;
using Cortex.Queue.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cortex.Queue.Ingress.Endpoints;

/// <summary>Cortex's own routes for each API: predict, signature, and asynchronous submit/status.</summary>
public static class PredictEndpoints
{
    public static IEndpointRouteBuilder MapCortexApis(this IEndpointRouteBuilder routes, ApiCatalog catalog)
    {
        foreach (var api in catalog.All)
        {
            var endpoint = api.Config.Endpoint.TrimEnd('/');
            routes.MapPost(endpoint, (HttpContext http, PredictionService service, IngressOptions options) => PredictAsync(http, api, service, options));
            routes.MapGet(endpoint + "/signature", (HttpContext http) => Signature(http, api));
            routes.MapPost(endpoint + "/async", (HttpContext http, PredictionDispatcher dispatcher, IAsyncResultStore store, IngressOptions options) => SubmitAsync(http, api, dispatcher, store, options));
            routes.MapGet(endpoint + "/async/{id}", (HttpContext http, string id, IAsyncResultStore store) => StatusAsync(http, api, id, store));
        }
        return routes;
    }

    private static async Task<IResult> PredictAsync(HttpContext http, ApiState api, PredictionService service, IngressOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = RequestIds.For(http);
        var body = await RequestBody.ReadJsonAsync(http.Request, options.MaxRequestBodyBytes, requestId).ConfigureAwait(false);
        if (body.Error is not null)
        {
            service.RecordRefused(api, requestId, body.StatusCode, started);
            return body.Error;
        }
        using var document = body.Document!;
        var debug = IsTrue(http.Request.Query["debug"]);
        var outcome = await service.PredictAsync(api, document.RootElement, requestId, debug, http.RequestAborted).ConfigureAwait(false);
        if (outcome.WorkerId is not null)
        {
            // Which replica answered: handy when tracing a slow or odd answer back to a pod.
            http.Response.Headers["X-Cortex-Worker"] = outcome.WorkerId;
        }
        if (!outcome.Succeeded)
        {
            return ErrorResults.Error(outcome.StatusCode, outcome.Error ?? "prediction failed", requestId, outcome.RetryAfter);
        }
        if (debug && outcome.DebugJson is not null)
        {
            return Results.Text($"{{\"prediction\":{outcome.ResultJson},\"debug\":{outcome.DebugJson}}}", "application/json", Encoding.UTF8);
        }
        return Results.Text(outcome.ResultJson, "application/json", Encoding.UTF8);
    }

    private static IResult Signature(HttpContext http, ApiState api)
    {
        var requestId = RequestIds.For(http);
        if (api.Signature is not { } signature)
        {
            return ErrorResults.Error(StatusCodes.Status503ServiceUnavailable, $"API '{api.Name}' has no ready worker yet, so its signature is not known", requestId, TimeSpan.FromSeconds(5));
        }
        return Results.Text(SignatureJson.WriteCortex(signature), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, ApiState api, PredictionDispatcher dispatcher, IAsyncResultStore store, IngressOptions options)
    {
        var requestId = RequestIds.For(http);
        var body = await RequestBody.ReadJsonAsync(http.Request, options.MaxRequestBodyBytes, requestId).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error;
        }
        using var document = body.Document!;
        if (PredictionService.Validate(api, document.RootElement) is { } problem)
        {
            return ErrorResults.Error(StatusCodes.Status400BadRequest, problem, requestId);
        }
        // The record exists before the message does, so a fast worker can never finish an id the store has not seen.
        await store.EnqueuedAsync(api.Name, requestId, DateTimeOffset.UtcNow, http.RequestAborted).ConfigureAwait(false);
        try
        {
            await dispatcher.SubmitAsync(api, document.RootElement, requestId, http.RequestAborted).ConfigureAwait(false);
        }
        catch (PredictQueueUnavailableException exception)
        {
            // Never queued: the record says so, instead of waiting in_queue until it expires.
            var message = $"API '{api.Name}' could not be reached: {exception.Message}";
            await store.FinishedAsync(api.Name, requestId, succeeded: false, null, message, DateTimeOffset.UtcNow, CancellationToken.None).ConfigureAwait(false);
            return ErrorResults.Error(StatusCodes.Status503ServiceUnavailable, message, requestId, TimeSpan.FromSeconds(1));
        }
        return Results.Json(new Dictionary<string, string> { ["id"] = requestId, ["status"] = "in_queue" }, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> StatusAsync(HttpContext http, ApiState api, string id, IAsyncResultStore store)
    {
        var requestId = RequestIds.For(http);
        var result = await store.GetAsync(api.Name, id, http.RequestAborted).ConfigureAwait(false);
        if (result is null)
        {
            return ErrorResults.Error(StatusCodes.Status404NotFound, $"no asynchronous request '{id}' for API '{api.Name}' (unknown, or expired)", requestId);
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", result.Id);
            writer.WriteString("status", result.Status.ToWireName());
            if (result.ResultJson is not null)
            {
                writer.WritePropertyName("result");
                writer.WriteRawValue(result.ResultJson);
            }
            if (result.Error is not null)
            {
                writer.WriteString("error", result.Error);
            }
            writer.WriteString("timestamp", result.Timestamp);
            writer.WriteEndObject();
        }
        return Results.Bytes(buffer.ToArray(), "application/json");
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
