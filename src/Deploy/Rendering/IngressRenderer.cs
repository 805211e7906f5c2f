using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Sources;
using k8s.Models;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>The ingress: a Deployment answering HTTP on 8888 and the ClusterIP Service in front of it.</summary>
public static class IngressRenderer
{
    private const string PortName = HttpServiceParts.PortName;

    public static V1Deployment RenderDeployment(CortexConfig config, DeploymentSources sources, RenderOptions options) => new()
    {
        ApiVersion = "apps/v1",
        Kind = V1Deployment.KubeKind,
        Metadata = new V1ObjectMeta
        {
            Name = ManifestNames.IngressName,
            NamespaceProperty = ManifestNames.Namespace(config),
            Labels = ManifestLabels.Labels(config, ManifestNames.IngressName),
        },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = ManifestLabels.SelectorLabels(config, ManifestNames.IngressName) },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta
                {
                    Labels = ManifestLabels.Labels(config, ManifestNames.IngressName),
                    Annotations = new Dictionary<string, string> { [ManifestNames.ConfigChecksumAnnotation] = ConfigMapRenderer.Checksum(sources) },
                },
                Spec = new V1PodSpec
                {
                    SecurityContext = CortexEnvironment.PodSecurity(),
                    Containers =
                    [
                        new V1Container
                        {
                            Name = ManifestNames.IngressName,
                            Image = options.IngressImage,
                            // The ingress binds loopback unless told otherwise; in a pod the kubelet and the Service reach it on the pod IP.
                            Args = ["--urls", $"http://0.0.0.0:{ManifestNames.IngressPort}"],
                            Ports = [new V1ContainerPort { Name = PortName, ContainerPort = ManifestNames.IngressPort }],
                            Env = CortexEnvironment.Common(),
                            VolumeMounts = [ConfigMapRenderer.VolumeMount()],
                            Resources = new V1ResourceRequirements
                            {
                                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") },
                            },
                            ReadinessProbe = HttpServiceParts.Probe("/readyz", periodSeconds: 5),
                            LivenessProbe = HttpServiceParts.Probe("/healthz", periodSeconds: 10),
                        },
                    ],
                    Volumes = [ConfigMapRenderer.Volume(sources)],
                },
            },
        },
    };

    public static V1Service RenderService(CortexConfig config) => HttpServiceParts.ClusterIpService(config, ManifestNames.IngressName, ManifestNames.IngressPort);
}
