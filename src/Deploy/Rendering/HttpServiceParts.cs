using Cortex.Queue.Config;
using k8s.Models;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>What the ingress and the tracker share: an HTTP port named <see cref="PortName"/>, its ClusterIP Service and its probes.</summary>
public static class HttpServiceParts
{
    public const string PortName = "http";

    /// <summary>The ClusterIP Service in front of the pods of component <paramref name="name"/>.</summary>
    public static V1Service ClusterIpService(CortexConfig config, string name, int port) => new()
    {
        ApiVersion = V1Service.KubeApiVersion,
        Kind = V1Service.KubeKind,
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ManifestNames.Namespace(config),
            Labels = ManifestLabels.Labels(config, name),
        },
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = ManifestLabels.SelectorLabels(config, name),
            Ports = [new V1ServicePort { Name = PortName, Port = port, TargetPort = PortName, Protocol = "TCP" }],
        },
    };

    /// <summary>An HTTP GET probe on the named port; three misses in a row count as a failure.</summary>
    public static V1Probe Probe(string path, int periodSeconds) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = PortName },
        PeriodSeconds = periodSeconds,
        FailureThreshold = 3,
    };
}
