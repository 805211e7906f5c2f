namespace Cortex.Queue.Deploy.Cluster;

/// <summary>Cortex's one-line summary of an API after a deploy, from its worker Deployment and ScaledObject.</summary>
public enum ApiRollout
{
    /// <summary>The worker Deployment did not exist before.</summary>
    Started,

    /// <summary>The worker Deployment or its ScaledObject changed.</summary>
    Updated,

    /// <summary>Nothing of the API changed.</summary>
    UpToDate,
}
