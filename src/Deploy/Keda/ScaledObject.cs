using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Cortex.Queue.Deploy.Keda;

/// <summary>KEDA's <c>ScaledObject</c> (keda.sh/v1alpha1): which workload KEDA scales, between which bounds, on which triggers.</summary>
public sealed record ScaledObject : IKubernetesObject<V1ObjectMeta>
{
    public const string KedaApiVersion = "keda.sh/v1alpha1";
    public const string KedaKind = "ScaledObject";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KedaApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KedaKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ScaledObjectSpec Spec { get; set; } = new();
}
