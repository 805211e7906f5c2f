namespace Cortex.Queue.Config.Validation;

/// <summary>Every block of cortex.yaml and its keys, so unknown keys can be told where they belong.</summary>
internal static class CortexSchema
{
    public static readonly BlockSchema Deployment = new("the deployment", ["kind", "name"]);

    public static readonly BlockSchema Api = new("the API", [
        "kind", "name", "endpoint", "python_path", "metadata", "tensorflow", "onnx",
        "tracker", "compute", "batching", "autoscaling", "timeout",
    ]);

    public static readonly BlockSchema TensorFlow = new("tensorflow:", ["model", "request_handler", "signature_key", "versions", "python_path", "metadata"]);

    public static readonly BlockSchema Onnx = new("onnx:", ["model", "request_handler", "versions", "python_path", "metadata"],
        new Dictionary<string, string>
        {
            ["signature_key"] = "signature_key is TensorFlow-only; an ONNX model has a single set of inputs and outputs, so remove it",
        });

    public static readonly BlockSchema Tracker = new("tracker:", ["key", "model_type"]);

    public static readonly BlockSchema Compute = new("compute:", [
        "min_replicas", "max_replicas", "init_replicas", "target_cpu_utilization", "cpu", "gpu", "mem",
    ]);

    public static readonly BlockSchema Batching = new("batching:", ["max_batch_size", "batch_timeout"]);

    public static readonly BlockSchema Autoscaling = new("autoscaling:", ["target_queue_length"]);

    private static readonly BlockSchema[] ApiChildren = [Compute, Batching, Autoscaling, Tracker];

    /// <summary>
    /// Where a key that is unknown in <paramref name="current"/> would be valid, phrased for a message
    /// ("under compute:"), or null. Only API blocks are searched: a deployment has nothing to misplace.
    /// </summary>
    public static string? HomeOf(string key, BlockSchema current)
    {
        if (current == Deployment)
        {
            return null;
        }

        if (current != Api && Api.Accepts(key))
        {
            return "at the API level (next to name:)";
        }

        if (TensorFlow.Accepts(key) && !Api.Accepts(key))
        {
            return Onnx.Accepts(key) ? "under tensorflow: or onnx:" : "under tensorflow:";
        }

        var home = ApiChildren.FirstOrDefault(block => block != current && block.Accepts(key));
        return home is null ? null : $"under {home.Title}";
    }
}
