using System.Text.Json.Serialization;

namespace Cortex.Queue.Deploy.Keda;

/// <summary>Fills the scaler parameter <see cref="Parameter"/> from key <see cref="Key"/> of the Secret <see cref="Name"/>.</summary>
public sealed record SecretTargetRef
{
    [JsonPropertyName("parameter")]
    public string Parameter { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("key")]
    public string Key { get; set; } = "";
}
