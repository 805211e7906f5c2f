namespace Cortex.Queue.Deploy.Cluster;

/// <summary>What the API server says about one live object: its versions, and for a Deployment its replica counts.</summary>
public sealed record ObjectVersion(string? ResourceVersion, long? Generation, int? Replicas = null, int? AvailableReplicas = null);
