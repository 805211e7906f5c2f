namespace Cortex.Queue.Config;

/// <summary>The <c>compute:</c> block with Cortex's defaults (min 1, max 100, init = min, target CPU 80 %, cpu 200m, gpu 0, mem none).</summary>
public sealed record ComputeConfig
{
    public int MinReplicas { get; init; } = 1;

    public int MaxReplicas { get; init; } = 100;

    public int InitReplicas { get; init; } = 1;

    public int TargetCpuUtilization { get; init; } = 80;

    /// <summary>Kubernetes quantity, e.g. "200m" or "1.5".</summary>
    public string Cpu { get; init; } = "200m";

    public int Gpu { get; init; }

    /// <summary>Kubernetes quantity, e.g. "1Gi"; null means no memory request.</summary>
    public string? Mem { get; init; }
}
