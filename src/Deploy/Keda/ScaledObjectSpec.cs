using System.Text.Json.Serialization;

namespace Cortex.Queue.Deploy.Keda;

/// <summary>The <c>spec</c> of a <see cref="ScaledObject"/>; only the fields Cortex sets (KEDA's defaults apply to the rest).</summary>
public sealed record ScaledObjectSpec
{
    [JsonPropertyName("scaleTargetRef")]
    public ScaleTargetRef ScaleTargetRef { get; set; } = new();

    [JsonPropertyName("minReplicaCount")]
    public int? MinReplicaCount { get; set; }

    [JsonPropertyName("maxReplicaCount")]
    public int? MaxReplicaCount { get; set; }

    [JsonPropertyName("triggers")]
    public List<ScaleTrigger> Triggers { get; set; } = [];
}
