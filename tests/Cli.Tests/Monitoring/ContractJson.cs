namespace Cortex.Queue.Cli.Tests.Monitoring;

/// <summary>Answers shaped as the metrics contract between the tracker and <c>cortex get</c> writes them.</summary>
public static class ContractJson
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 0, 12, TimeSpan.Zero);

    public const string Listing = """
        { "deployment": "iris", "apis": [
          { "name": "classifier", "endpoint": "/iris/classifier", "model": "model.onnx", "model_kind": "onnx",
            "loaded_model": "onnx model.onnx", "workers": 2, "last_update": "2026-11-27T15:00:00Z",
            "tracker": { "key": "class_index", "model_type": "classification" } },
          { "name": "price", "endpoint": "/iris/price", "model": "price.onnx", "model_kind": "onnx",
            "loaded_model": null, "workers": 0, "last_update": null, "tracker": null }
        ] }
        """;

    public const string ClassificationMetrics = """
        { "api": "classifier", "window": "1h", "from": "2026-11-27T14:00:00Z", "to": "2026-11-27T15:00:00Z", "bucket_seconds": 60,
          "requests": { "count": 1000, "rate_per_second": 0.2777, "status": { "2XX": 990, "4XX": 10, "5XX": 0 } },
          "latency_ms": { "avg": 3.14, "p50": 2.9, "p90": 4.0, "p99": 9.5 },
          "model_type": "classification",
          "classes": [ { "class": "iris-virginica", "count": 600 }, { "class": "iris-setosa", "count": 390 } ],
          "series": [ { "start": "2026-11-27T14:00:00Z", "count": 12, "2XX": 12, "4XX": 0, "5XX": 0,
                        "latency_p50": 2.8, "latency_p90": 3.9, "latency_p99": 5.0,
                        "classes": { "iris-setosa": 4, "iris-virginica": 8 } } ] }
        """;

    public const string RegressionMetrics = """
        { "api": "price", "window": "1d", "from": "2026-11-26T15:00:00Z", "to": "2026-11-27T15:00:00Z", "bucket_seconds": 1800,
          "requests": { "count": 4, "rate_per_second": 0.00005, "status": { "2XX": 3, "4XX": 0, "5XX": 1 } },
          "latency_ms": { "avg": 12.5, "p50": 11.0, "p90": 20.25, "p99": 21.0 },
          "model_type": "regression",
          "regression": { "count": 3, "min": 0.125, "max": 9.2, "avg": 4.441666, "p50": 4.0, "p90": 8.16, "p99": 9.0896 },
          "series": [] }
        """;

    public const string UntrackedMetrics = """
        { "api": "price", "window": "1h", "from": "2026-11-27T14:00:00Z", "to": "2026-11-27T15:00:00Z", "bucket_seconds": 60,
          "requests": { "count": 0, "rate_per_second": 0, "status": { "2XX": 0, "4XX": 0, "5XX": 0 } },
          "latency_ms": { "avg": null, "p50": null, "p90": null, "p99": null },
          "model_type": null, "series": [] }
        """;

    public const string IrisSignature = """
        { "signature_key": "serving_default", "signature": { "input": { "shape": [-1, 4], "type": "float32" } },
          "outputs": { "class_index": { "shape": [-1], "type": "int64" } } }
        """;

    public const string ImageSignature = """
        { "signature_key": "serving_default", "signature": { "images": { "shape": [-1, 28, 28, 1], "type": "float32" } }, "outputs": {} }
        """;
}
