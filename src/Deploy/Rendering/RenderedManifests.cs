using Cortex.Queue.Deploy.Keda;
using k8s.Models;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>Every object of one deployment, grouped by kind in the order they are applied.</summary>
public sealed record RenderedManifests
{
    public required V1Namespace Namespace { get; init; }

    public required IReadOnlyList<V1ConfigMap> ConfigMaps { get; init; }

    /// <summary>The ingress, the tracker, then one worker per API in file order.</summary>
    public required IReadOnlyList<V1Deployment> Deployments { get; init; }

    public required IReadOnlyList<V1Service> Services { get; init; }

    public required IReadOnlyList<TriggerAuthentication> TriggerAuthentications { get; init; }

    public required IReadOnlyList<ScaledObject> ScaledObjects { get; init; }

    /// <summary>Things the manifests cannot fix by themselves (a local model path, a handler outside the cortex.yaml folder).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
