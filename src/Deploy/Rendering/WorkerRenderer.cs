using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Sources;
using k8s.Models;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>One worker Deployment per API: sized by <c>compute</c>, started at <c>init_replicas</c>, then scaled by KEDA.</summary>
public static class WorkerRenderer
{
    public static V1Deployment Render(CortexConfig config, ApiConfig api, DeploymentSources sources, RenderOptions options)
    {
        var compute = api.Compute;
        var usesGpu = compute.Gpu > 0;
        var env = CortexEnvironment.Common();
        env.Insert(0, new V1EnvVar { Name = "CORTEX_API", Value = api.Name });
        var volumes = new List<V1Volume> { ConfigMapRenderer.Volume(sources) };
        var mounts = new List<V1VolumeMount> { ConfigMapRenderer.VolumeMount() };
        List<V1EnvFromSource>? envFrom = null;
        if (api.Model.IsS3)
        {
            // The worker resolves s3:// itself at start-up; it needs credentials and somewhere writable to unpack the model.
            envFrom = [new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = ManifestNames.S3SecretName } }];
            env.Add(new V1EnvVar { Name = "CORTEX_MODEL_CACHE", Value = ManifestNames.ModelCacheDirectory });
            volumes.Add(new V1Volume { Name = "model-cache", EmptyDir = new V1EmptyDirVolumeSource() });
            mounts.Add(new V1VolumeMount { Name = "model-cache", MountPath = ManifestNames.ModelCacheDirectory });
        }

        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = V1Deployment.KubeKind,
            Metadata = new V1ObjectMeta
            {
                Name = ManifestNames.Worker(api),
                NamespaceProperty = ManifestNames.Namespace(config),
                Labels = ManifestLabels.Labels(config, "worker", api),
            },
            Spec = new V1DeploymentSpec
            {
                // KEDA takes over the count once the ScaledObject is applied; this is where the rollout starts.
                Replicas = compute.InitReplicas,
                Selector = new V1LabelSelector { MatchLabels = ManifestLabels.SelectorLabels(config, "worker", api) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = ManifestLabels.Labels(config, "worker", api),
                        Annotations = new Dictionary<string, string> { [ManifestNames.ConfigChecksumAnnotation] = ConfigMapRenderer.Checksum(sources) },
                    },
                    Spec = new V1PodSpec
                    {
                        SecurityContext = CortexEnvironment.PodSecurity(),
                        Tolerations = usesGpu
                            ? [new V1Toleration { Key = ManifestNames.GpuResource, OperatorProperty = "Exists", Effect = "NoSchedule" }]
                            : null,
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "worker",
                                Image = usesGpu ? options.GpuWorkerImage : options.WorkerImage,
                                Env = env,
                                EnvFrom = envFrom,
                                VolumeMounts = mounts,
                                Resources = Resources(compute),
                            },
                        ],
                        // A worker finishing its batch must not lose the replies in flight: the timeout bounds a batch.
                        TerminationGracePeriodSeconds = (long)Math.Ceiling(api.Timeout.TotalSeconds) + 5,
                        Volumes = volumes,
                    },
                },
            },
        };
    }

    private static V1ResourceRequirements Resources(ComputeConfig compute)
    {
        // KEDA's cpu trigger measures utilisation against the request, so a cpu request is always set.
        var requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(compute.Cpu) };
        if (compute.Mem is { } memory)
        {
            requests["memory"] = new ResourceQuantity(memory);
        }
        // Extended resources cannot be overcommitted: the limit is the request.
        var limits = compute.Gpu > 0 ? new Dictionary<string, ResourceQuantity> { [ManifestNames.GpuResource] = new(compute.Gpu.ToString(System.Globalization.CultureInfo.InvariantCulture)) } : null;
        return new V1ResourceRequirements { Requests = requests, Limits = limits };
    }
}
