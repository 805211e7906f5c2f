using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Cortex.Queue.Deploy.Keda;

/// <summary>KEDA's <c>TriggerAuthentication</c> (keda.sh/v1alpha1): where a scaler reads its secret parameters.</summary>
public sealed record TriggerAuthentication : IKubernetesObject<V1ObjectMeta>
{
    public const string KedaApiVersion = "keda.sh/v1alpha1";
    public const string KedaKind = "TriggerAuthentication";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KedaApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KedaKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TriggerAuthenticationSpec Spec { get; set; } = new();
}
