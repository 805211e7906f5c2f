using System.Globalization;
using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Keda;
using k8s.Models;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>KEDA objects: per API a ScaledObject on queue length and CPU; per namespace the TriggerAuthentication for RabbitMQ's management API.</summary>
public static class AutoscalingRenderer
{
    public static ScaledObject RenderScaledObject(CortexConfig config, ApiConfig api) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = ManifestNames.Worker(api),
            NamespaceProperty = ManifestNames.Namespace(config),
            Labels = ManifestLabels.Labels(config, "worker", api),
        },
        Spec = new ScaledObjectSpec
        {
            ScaleTargetRef = new ScaleTargetRef { ApiVersion = "apps/v1", Kind = "Deployment", Name = ManifestNames.Worker(api) },
            // min 0 is allowed: the queue holds requests while no worker runs, and the rabbitmq trigger wakes one.
            MinReplicaCount = api.Compute.MinReplicas,
            MaxReplicaCount = api.Compute.MaxReplicas,
            Triggers =
            [
                new ScaleTrigger
                {
                    Type = "rabbitmq",
                    Metadata = new Dictionary<string, string>
                    {
                        // http reads the management API, which counts unacknowledged (in-flight) messages as well as ready ones.
                        ["protocol"] = "http",
                        ["queueName"] = api.QueueName,
                        ["mode"] = "QueueLength",
                        ["value"] = Number(api.Autoscaling.TargetQueueLength),
                    },
                    AuthenticationRef = new AuthenticationRef { Name = ManifestNames.RabbitMqTriggerAuthenticationName },
                },
                new ScaleTrigger
                {
                    Type = "cpu",
                    MetricType = "Utilization",
                    Metadata = new Dictionary<string, string> { ["value"] = Number(api.Compute.TargetCpuUtilization) },
                },
            ],
        },
    };

    public static TriggerAuthentication RenderTriggerAuthentication(CortexConfig config) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = ManifestNames.RabbitMqTriggerAuthenticationName,
            NamespaceProperty = ManifestNames.Namespace(config),
            Labels = ManifestLabels.Labels(config, "autoscaling"),
        },
        Spec = new TriggerAuthenticationSpec
        {
            SecretTargetRef =
            [
                new SecretTargetRef { Parameter = "host", Name = ManifestNames.RabbitMqManagementSecretName, Key = ManifestNames.SecretUrlKey },
            ],
        },
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
