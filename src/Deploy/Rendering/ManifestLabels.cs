using Cortex.Queue.Config;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>The recommended app.kubernetes.io labels, plus the API a worker serves.</summary>
public static class ManifestLabels
{
    public static Dictionary<string, string> Labels(CortexConfig config, string component, ApiConfig? api = null)
    {
        var labels = SelectorLabels(config, component, api);
        labels["app.kubernetes.io/part-of"] = "cortex";
        labels["app.kubernetes.io/managed-by"] = "cortex-deploy";
        return labels;
    }

    /// <summary>The immutable subset used in selectors: changing a selector would make a Deployment unupdatable.</summary>
    public static Dictionary<string, string> SelectorLabels(CortexConfig config, string component, ApiConfig? api = null)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app.kubernetes.io/name"] = api is null ? component : ManifestNames.Worker(api),
            ["app.kubernetes.io/instance"] = config.DeploymentName,
            ["app.kubernetes.io/component"] = component,
        };
        if (api is not null)
        {
            labels["cortex.queue/api"] = api.Name;
        }
        return labels;
    }
}
