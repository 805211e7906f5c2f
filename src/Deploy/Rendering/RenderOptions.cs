namespace Cortex.Queue.Deploy.Rendering;

/// <summary>Choices the cortex.yaml does not make: where the images come from.</summary>
public sealed record RenderOptions
{
    /// <summary>Registry and repository prefix; images are <c>{prefix}/ingress</c>, <c>{prefix}/tracker</c>, <c>{prefix}/worker</c>, <c>{prefix}/worker-gpu</c>.</summary>
    public string ImagePrefix { get; init; } = "cortexqueue";

    public string ImageTag { get; init; } = "latest";

    public string IngressImage => $"{ImagePrefix}/ingress:{ImageTag}";

    public string TrackerImage => $"{ImagePrefix}/tracker:{ImageTag}";

    public string WorkerImage => $"{ImagePrefix}/worker:{ImageTag}";

    public string GpuWorkerImage => $"{ImagePrefix}/worker-gpu:{ImageTag}";
}
