using Cortex.Queue.Config;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>Object names and the contract with the images (paths, ports, Secrets) shared by every renderer.</summary>
public static class ManifestNames
{
    public const string IngressName = "ingress";
    public const string ConfigMapName = "cortex-config";
    public const string RabbitMqTriggerAuthenticationName = "rabbitmq-management";

    /// <summary>Secret the user creates in the namespace: key <c>url</c> = the AMQP URL (amqp://user:password@host:5672/vhost).</summary>
    public const string RabbitMqSecretName = "cortex-rabbitmq";

    /// <summary>Secret the user creates for KEDA: key <c>url</c> = the management API URL (http://user:password@host:15672/vhost).</summary>
    public const string RabbitMqManagementSecretName = "cortex-rabbitmq-management";

    /// <summary>Secret with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION (and optionally CORTEX_S3_ENDPOINT), read by workers of s3:// models.</summary>
    public const string S3SecretName = "cortex-s3";

    /// <summary>Secret the user creates: key <c>connection-string</c> = the Npgsql connection string of the tracker's database.</summary>
    public const string PostgresSecretName = "cortex-postgres";

    public const string PostgresSecretKey = "connection-string";

    public const string TrackerName = "tracker";

    /// <summary>The tracker's HTTP port (health and monitoring queries); one above the ingress so both fit on one machine.</summary>
    public const int TrackerPort = 8889;

    public const string SecretUrlKey = "url";
    public const string ConfigDirectory = "/etc/cortex";
    public const string ConfigPath = "/etc/cortex/cortex.yaml";
    public const string ModelCacheDirectory = "/var/cache/cortex/models";
    public const int IngressPort = 8888;
    public const string GpuResource = "nvidia.com/gpu";

    /// <summary>Annotation on pod templates: a change of the cortex.yaml or a handler changes it, so the pods roll.</summary>
    public const string ConfigChecksumAnnotation = "cortex.queue/config-sha256";

    public static string Namespace(CortexConfig config) => Namespace(config.DeploymentName);

    /// <summary>The namespace of a deployment known only by name (as an ingress's <c>GET /apis</c> gives it).</summary>
    public static string Namespace(string deploymentName) => $"cortex-{deploymentName}";

    public static string Worker(ApiConfig api) => Worker(api.Name);

    public static string Worker(string apiName) => $"worker-{apiName}";
}
