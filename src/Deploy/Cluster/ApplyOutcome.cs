namespace Cortex.Queue.Deploy.Cluster;

/// <summary>What applying one object did, judged by whether it existed and whether its resourceVersion moved.</summary>
public enum ApplyOutcome
{
    Created,
    Updated,
    Unchanged,
}
