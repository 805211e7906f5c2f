using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Cortex.Queue.Deploy.Keda;

/// <summary>The envelope every KEDA custom resource shares: keda.sh/v1alpha1, its kind, metadata and a typed spec.</summary>
public abstract record KedaObject<TSpec> : IKubernetesObject<V1ObjectMeta>
    where TSpec : new()
{
    public const string KedaApiVersion = "keda.sh/v1alpha1";

    protected KedaObject(string kind) => Kind = kind;

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KedaApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; }

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();
}
