namespace Cortex.Queue.Deploy.Cluster;

/// <summary>What deleting one object did.</summary>
public enum DeleteOutcome
{
    Deleted,
    NotFound,
}
