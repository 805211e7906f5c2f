using Cortex.Queue.Config;
using k8s.Models;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>One namespace per deployment, so <c>kubectl delete namespace</c> removes everything a deployment made.</summary>
public static class NamespaceRenderer
{
    public static V1Namespace Render(CortexConfig config) => new()
    {
        ApiVersion = V1Namespace.KubeApiVersion,
        Kind = V1Namespace.KubeKind,
        Metadata = new V1ObjectMeta
        {
            Name = ManifestNames.Namespace(config),
            Labels = new Dictionary<string, string>
            {
                ["app.kubernetes.io/part-of"] = "cortex",
                ["app.kubernetes.io/instance"] = config.DeploymentName,
            },
        },
    };
}
