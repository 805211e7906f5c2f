using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Sources;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>Turns a resolved cortex.yaml into the Kubernetes and KEDA objects that run it; no I/O.</summary>
public static class ManifestRenderer
{
    public static RenderedManifests Render(CortexConfig config, DeploymentSources sources, RenderOptions? options = null)
    {
        options ??= new RenderOptions();
        return new RenderedManifests
        {
            Namespace = NamespaceRenderer.Render(config),
            ConfigMaps = [ConfigMapRenderer.Render(config, sources)],
            Deployments =
            [
                IngressRenderer.RenderDeployment(config, sources, options),
                TrackerRenderer.RenderDeployment(config, options),
                .. config.Apis.Select(api => WorkerRenderer.Render(config, api, sources, options)),
            ],
            Services = [IngressRenderer.RenderService(config), TrackerRenderer.RenderService(config)],
            TriggerAuthentications = [AutoscalingRenderer.RenderTriggerAuthentication(config)],
            ScaledObjects = [.. config.Apis.Select(api => AutoscalingRenderer.RenderScaledObject(config, api))],
            Warnings = sources.Warnings,
        };
    }
}
