using k8s.Models;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>The environment every Cortex container reads (the same variables docker-compose.yml sets).</summary>
public static class CortexEnvironment
{
    public static List<V1EnvVar> Common() =>
    [
        new V1EnvVar { Name = "CORTEX_CONFIG", Value = ManifestNames.ConfigPath },
        new V1EnvVar
        {
            Name = "CORTEX_RABBITMQ",
            ValueFrom = new V1EnvVarSource
            {
                SecretKeyRef = new V1SecretKeySelector { Name = ManifestNames.RabbitMqSecretName, Key = ManifestNames.SecretUrlKey },
            },
        },
    ];

    /// <summary>The images run as this user; saying so lets the kubelet refuse an image that would run as root.</summary>
    public static V1PodSecurityContext PodSecurity() => new() { RunAsNonRoot = true, RunAsUser = 10001, RunAsGroup = 10001, FsGroup = 10001 };
}
