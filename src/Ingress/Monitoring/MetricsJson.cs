using System.Globalization;
using System.Text.Json.Nodes;
using Cortex.Queue.Storage;

namespace Cortex.Queue.Ingress.Monitoring;

/// <summary>Writes <see cref="ApiMetrics"/> in the shape of the metrics contract (snake_case, ISO-8601 UTC times, null for no data).</summary>
public static class MetricsJson
{
    public static JsonObject Write(ApiMetrics metrics)
    {
        var json = new JsonObject
        {
            ["api"] = metrics.Api,
            ["window"] = metrics.Window.Name,
            ["from"] = Time(metrics.From),
            ["to"] = Time(metrics.To),
            ["bucket_seconds"] = (long)metrics.Window.Bucket.TotalSeconds,
            ["requests"] = new JsonObject
            {
                ["count"] = metrics.Requests.Count,
                ["rate_per_second"] = metrics.Requests.RatePerSecond,
                ["status"] = Status(metrics.Requests.Status),
            },
            ["latency_ms"] = new JsonObject
            {
                ["avg"] = metrics.Latency.Avg,
                ["p50"] = metrics.Latency.P50,
                ["p90"] = metrics.Latency.P90,
                ["p99"] = metrics.Latency.P99,
            },
            ["model_type"] = ModelType(metrics.Kind),
        };
        if (metrics.Classes is { } classes)
        {
            json["classes"] = new JsonArray(classes.Select(c => (JsonNode)new JsonObject { ["class"] = c.Class, ["count"] = c.Count }).ToArray());
        }
        if (metrics.Regression is { } regression)
        {
            json["regression"] = new JsonObject
            {
                ["count"] = regression.Count,
                ["min"] = regression.Min,
                ["max"] = regression.Max,
                ["avg"] = regression.Values.Avg,
                ["p50"] = regression.Values.P50,
                ["p90"] = regression.Values.P90,
                ["p99"] = regression.Values.P99,
            };
        }
        json["series"] = new JsonArray(metrics.Series.Select(b => (JsonNode)Bucket(b, metrics.Kind)).ToArray());
        return json;
    }

    public static string? ModelType(TrackedKind kind) => kind switch
    {
        TrackedKind.Classification => "classification",
        TrackedKind.Regression => "regression",
        _ => null,
    };

    private static JsonObject Bucket(MetricsBucket bucket, TrackedKind kind)
    {
        var json = new JsonObject
        {
            ["start"] = Time(bucket.Start),
            ["count"] = bucket.Count,
            ["2XX"] = bucket.Status.Success2xx,
            ["4XX"] = bucket.Status.Client4xx,
            ["5XX"] = bucket.Status.Server5xx,
            ["latency_p50"] = bucket.LatencyP50,
            ["latency_p90"] = bucket.LatencyP90,
            ["latency_p99"] = bucket.LatencyP99,
        };
        if (kind == TrackedKind.Classification && bucket.Classes is { } classes)
        {
            var counts = new JsonObject();
            foreach (var (name, count) in classes)
            {
                counts[name] = count;
            }
            json["classes"] = counts;
        }
        if (kind == TrackedKind.Regression)
        {
            json["value_avg"] = bucket.ValueAvg;
            json["value_p50"] = bucket.ValueP50;
        }
        return json;
    }

    private static JsonObject Status(StatusCounts status) => new()
    {
        ["2XX"] = status.Success2xx,
        ["4XX"] = status.Client4xx,
        ["5XX"] = status.Server5xx,
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
