namespace Cortex.Queue.Config;

/// <summary>One <c>kind: api</c> resource, resolved.</summary>
public sealed record ApiConfig
{
    public required string Name { get; init; }

    /// <summary>Zero-based position among the file's APIs, used in key paths such as <c>apis[1].compute</c>.</summary>
    public required int Index { get; init; }

    /// <summary>HTTP path, default <c>/{deployment}/{api}</c>; always starts with '/'.</summary>
    public required string Endpoint { get; init; }

    public required ModelConfig Model { get; init; }

    /// <summary>Absolute folder whose .cs files are compiled with the request handler (default: the cortex.yaml folder).</summary>
    public required string PythonPath { get; init; }

    /// <summary>The API's <c>metadata:</c> block (merged from the API level and the model block), values as YAML scalars, lists and maps.</summary>
    public required IReadOnlyDictionary<string, object?> Metadata { get; init; }

    public TrackerConfig? Tracker { get; init; }

    public required ComputeConfig Compute { get; init; }

    public required BatchingConfig Batching { get; init; }

    public required AutoscalingConfig Autoscaling { get; init; }

    /// <summary>How long a synchronous request may take end to end (queue + batch + model); also the message TTL. Default 30 s.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Where this API's resource starts in the file, for messages that concern the whole API.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>
    /// Key paths relative to the API that the file gave explicitly (<c>endpoint</c>, <c>compute.min_replicas</c>,
    /// <c>tensorflow.signature_key</c>, …); every other value is a default. python_path and metadata count as given
    /// at either placement.
    /// </summary>
    public IReadOnlySet<string> GivenKeys { get; init; } = new HashSet<string>();

    public string QueueName => $"predict-{Name}";

    /// <summary>True when the file wrote this key (e.g. <c>compute.min_replicas</c>) rather than leaving it to its default.</summary>
    public bool IsGiven(string keyPath) => GivenKeys.Contains(keyPath);
}
