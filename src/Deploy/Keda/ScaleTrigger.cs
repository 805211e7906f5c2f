using System.Text.Json.Serialization;

namespace Cortex.Queue.Deploy.Keda;

/// <summary>One entry of <c>spec.triggers</c>: a scaler type and its scaler-specific metadata (all values are strings in KEDA).</summary>
public sealed record ScaleTrigger
{
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>Only the resource scalers (cpu, memory) read it: Utilization or AverageValue.</summary>
    [JsonPropertyName("metricType")]
    public string? MetricType { get; set; }

    [JsonPropertyName("metadata")]
    public Dictionary<string, string> Metadata { get; set; } = [];

    [JsonPropertyName("authenticationRef")]
    public AuthenticationRef? AuthenticationRef { get; set; }
}
