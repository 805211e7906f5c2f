using System.Text.Json.Serialization;

namespace Cortex.Queue.Deploy.Keda;

/// <summary>The workload a <see cref="ScaledObject"/> scales; it must live in the ScaledObject's namespace.</summary>
public sealed record ScaleTargetRef
{
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
