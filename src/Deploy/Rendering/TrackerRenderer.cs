using Cortex.Queue.Config;
using k8s.Models;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>
/// The tracker: one Deployment consuming prediction-served events into PostgreSQL, and the ClusterIP Service its
/// monitoring queries are answered on. It reads only the two servers' addresses, so it mounts no config.
/// </summary>
public static class TrackerRenderer
{
    private const string PortName = HttpServiceParts.PortName;

    public static V1Deployment RenderDeployment(CortexConfig config, RenderOptions options) => new()
    {
        ApiVersion = "apps/v1",
        Kind = V1Deployment.KubeKind,
        Metadata = new V1ObjectMeta
        {
            Name = ManifestNames.TrackerName,
            NamespaceProperty = ManifestNames.Namespace(config),
            Labels = ManifestLabels.Labels(config, ManifestNames.TrackerName),
        },
        Spec = new V1DeploymentSpec
        {
            // Writes are idempotent by request id, but one consumer keeps COPY batches large; the queue absorbs bursts.
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = ManifestLabels.SelectorLabels(config, ManifestNames.TrackerName) },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = ManifestLabels.Labels(config, ManifestNames.TrackerName) },
                Spec = new V1PodSpec
                {
                    SecurityContext = CortexEnvironment.PodSecurity(),
                    Containers =
                    [
                        new V1Container
                        {
                            Name = ManifestNames.TrackerName,
                            Image = options.TrackerImage,
                            Args = ["--urls", $"http://0.0.0.0:{ManifestNames.TrackerPort}"],
                            Ports = [new V1ContainerPort { Name = PortName, ContainerPort = ManifestNames.TrackerPort }],
                            Env = CortexEnvironment.Servers(),
                            Resources = new V1ResourceRequirements
                            {
                                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") },
                            },
                            ReadinessProbe = HttpServiceParts.Probe("/readyz", periodSeconds: 5),
                            LivenessProbe = HttpServiceParts.Probe("/healthz", periodSeconds: 10),
                        },
                    ],
                },
            },
        },
    };

    public static V1Service RenderService(CortexConfig config) => HttpServiceParts.ClusterIpService(config, ManifestNames.TrackerName, ManifestNames.TrackerPort);
}
