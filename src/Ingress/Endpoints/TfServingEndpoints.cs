using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cortex.Queue.Ingress.Catalog;
using Cortex.Queue.Ingress.Dispatch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cortex.Queue.Ingress.Endpoints;

/// <summary>
/// TF Serving's REST API over the same queue, so existing TF Serving clients work unchanged:
/// <c>POST /v1/models/{api}[/versions/{v}]:predict</c> with <c>instances</c> (row form) or <c>inputs</c> (columnar form),
/// and <c>GET /v1/models/{api}</c> / <c>.../metadata</c>. The model name is the API name.
/// </summary>
public static class TfServingEndpoints
{
    public static IEndpointRouteBuilder MapTfServingApi(this IEndpointRouteBuilder routes)
    {
        // ':predict' is not a route segment ASP.NET can match after a parameter, so the path is parsed here.
        routes.MapPost("/v1/models/{**path}", PredictAsync);
        routes.MapGet("/v1/models/{**path}", Status);
        return routes;
    }

    private static async Task<IResult> PredictAsync(HttpContext http, string path, ApiCatalog catalog, PredictionService service, IngressOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = RequestIds.For(http);
        if (!path.EndsWith(":predict", StringComparison.Ordinal))
        {
            return ErrorResults.Error(StatusCodes.Status404NotFound, $"unknown TF Serving method in '/v1/models/{path}'; supported: :predict", requestId);
        }
        var (name, _, _) = ParseModelPath(path[..^":predict".Length]);
        if (catalog.Find(name) is not { } api)
        {
            return UnknownModel(catalog, name, requestId);
        }
        var body = await RequestBody.ReadJsonAsync(http.Request, options.MaxRequestBodyBytes, requestId).ConfigureAwait(false);
        if (body.Error is not null)
        {
            service.RecordRefused(api, requestId, body.StatusCode, started);
            return body.Error;
        }
        using var document = body.Document!;
        var root = document.RootElement;

        // Refused here, before any sample reaches the queue: counted like the ingress's other refusals.
        IResult Refuse(string message)
        {
            service.RecordRefused(api, requestId, StatusCodes.Status400BadRequest, started);
            return ErrorResults.Error(StatusCodes.Status400BadRequest, message, requestId);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Refuse("the body must be an object with \"instances\" or \"inputs\"");
        }
        if (root.TryGetProperty("signature_name", out var signatureName)
            && signatureName.GetString() is { Length: > 0 } wanted
            && api.Signature is { } signature
            && wanted != signature.Key)
        {
            return Refuse($"signature '{wanted}' is not served by '{api.Name}'; it serves '{signature.Key}'");
        }
        var hasInstances = root.TryGetProperty("instances", out var instances);
        var hasInputs = root.TryGetProperty("inputs", out var inputs);
        if (hasInstances == hasInputs)
        {
            return Refuse("the body must have exactly one of \"instances\" (row form) or \"inputs\" (columnar form)");
        }
        if (hasInstances && instances.ValueKind != JsonValueKind.Array)
        {
            return Refuse("\"instances\" must be a list with one entry per instance");
        }
        return hasInstances
            ? await PredictInstancesAsync(http, api, instances, service, requestId).ConfigureAwait(false)
            : await PredictColumnarAsync(http, api, inputs, service, requestId).ConfigureAwait(false);
    }

    private static async Task<IResult> PredictInstancesAsync(HttpContext http, ApiState api, JsonElement instances, PredictionService service, string requestId)
    {
        // Each instance is its own message, so the workers batch them with everyone else's traffic.
        var tasks = instances.EnumerateArray()
            .Select((instance, index) => service.PredictAsync(api, instance, $"{requestId}-{index}", false, http.RequestAborted))
            .ToArray();
        var outcomes = await Task.WhenAll(tasks).ConfigureAwait(false);
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (!outcomes[i].Succeeded)
            {
                return ErrorResults.Error(outcomes[i].StatusCode, $"instances[{i}]: {outcomes[i].Error}", requestId, outcomes[i].RetryAfter);
            }
        }
        var predictions = new JsonArray();
        foreach (var outcome in outcomes)
        {
            predictions.Add(UnwrapSingleOutput(JsonNode.Parse(outcome.ResultJson!)));
        }
        return Results.Text(new JsonObject { ["predictions"] = predictions }.ToJsonString(), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> PredictColumnarAsync(HttpContext http, ApiState api, JsonElement inputs, PredictionService service, string requestId)
    {
        var outcome = await service.PredictAsync(api, inputs, requestId, false, http.RequestAborted).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return ErrorResults.Error(outcome.StatusCode, outcome.Error ?? "prediction failed", requestId, outcome.RetryAfter);
        }
        return Results.Text(new JsonObject { ["outputs"] = UnwrapSingleOutput(JsonNode.Parse(outcome.ResultJson!)) }.ToJsonString(), "application/json", Encoding.UTF8);
    }

    private static IResult Status(HttpContext http, string path, ApiCatalog catalog, IngressOptions options)
    {
        var requestId = RequestIds.For(http);
        var wantsMetadata = path.EndsWith("/metadata", StringComparison.Ordinal);
        var (name, _, _) = ParseModelPath(wantsMetadata ? path[..^"/metadata".Length] : path);
        if (catalog.Find(name) is not { } api)
        {
            return UnknownModel(catalog, name, requestId);
        }
        if (wantsMetadata)
        {
            return api.Signature is { } signature
                ? Results.Text(SignatureJson.WriteTfServingMetadata(api.Name, signature), "application/json", Encoding.UTF8)
                : ErrorResults.Error(503, $"API '{api.Name}' has no ready worker yet, so its signature is not known", requestId, TimeSpan.FromSeconds(5));
        }
        var available = api.LiveWorkers(options.WorkerLiveness) > 0;
        var status = new JsonObject
        {
            ["model_version_status"] = new JsonArray(new JsonObject
            {
                ["version"] = "1",
                ["state"] = available ? "AVAILABLE" : "LOADING",
                ["status"] = new JsonObject { ["error_code"] = "OK", ["error_message"] = "" },
            }),
        };
        return Results.Text(status.ToJsonString(), "application/json", Encoding.UTF8);
    }

    /// <summary>TF Serving returns the bare value when a signature has one output, else the object of outputs.</summary>
    private static JsonNode? UnwrapSingleOutput(JsonNode? result) =>
        result is JsonObject { Count: 1 } single ? single.First().Value?.DeepClone() : result?.DeepClone();

    private static (string Name, string? Version, string Method) ParseModelPath(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 3 && parts[1] == "versions")
        {
            return (parts[0], parts[2], string.Join('/', parts.Skip(3)));
        }
        return (parts.Length > 0 ? parts[0] : "", null, string.Join('/', parts.Skip(1)));
    }

    private static IResult UnknownModel(ApiCatalog catalog, string name, string requestId) =>
        ErrorResults.Error(404, $"no model '{name}'; the models (APIs) served are: {string.Join(", ", catalog.All.Select(a => a.Name))}", requestId);
}
