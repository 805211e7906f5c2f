using k8s.Models;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>The environment every Cortex container reads (the same variables docker-compose.yml sets).</summary>
public static class CortexEnvironment
{
    /// <summary>What the ingress and the workers read: the cortex.yaml path and both servers.</summary>
    public static List<V1EnvVar> Common() =>
    [
        new V1EnvVar { Name = "CORTEX_CONFIG", Value = ManifestNames.ConfigPath },
        .. Servers(),
    ];

    /// <summary>The RabbitMQ URL and the PostgreSQL connection string, both from Secrets so no password sits in a manifest.</summary>
    public static List<V1EnvVar> Servers() =>
    [
        FromSecret("CORTEX_RABBITMQ", ManifestNames.RabbitMqSecretName, ManifestNames.SecretUrlKey),
        FromSecret("CORTEX_POSTGRES", ManifestNames.PostgresSecretName, ManifestNames.PostgresSecretKey),
    ];

    /// <summary>The images run as this user; saying so lets the kubelet refuse an image that would run as root.</summary>
    public static V1PodSecurityContext PodSecurity() => new() { RunAsNonRoot = true, RunAsUser = 10001, RunAsGroup = 10001, FsGroup = 10001 };

    private static V1EnvVar FromSecret(string name, string secret, string key) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } },
    };
}
