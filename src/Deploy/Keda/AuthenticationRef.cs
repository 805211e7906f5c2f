using System.Text.Json.Serialization;

namespace Cortex.Queue.Deploy.Keda;

/// <summary>Points a trigger at a <see cref="TriggerAuthentication"/> in the same namespace, so secrets stay out of the ScaledObject.</summary>
public sealed record AuthenticationRef
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
