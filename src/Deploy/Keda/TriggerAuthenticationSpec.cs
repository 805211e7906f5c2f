using System.Text.Json.Serialization;

namespace Cortex.Queue.Deploy.Keda;

/// <summary>The <c>spec</c> of a <see cref="TriggerAuthentication"/>; Cortex only reads parameters from Secrets.</summary>
public sealed record TriggerAuthenticationSpec
{
    [JsonPropertyName("secretTargetRef")]
    public List<SecretTargetRef> SecretTargetRef { get; set; } = [];
}
