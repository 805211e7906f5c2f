namespace Cortex.Queue.Deploy.Cluster;

/// <summary>
/// The replicas Kubernetes reports for one API's worker Deployment: <see cref="Requested"/> is <c>spec.replicas</c> (what
/// KEDA or the deploy asked for), <see cref="Available"/> is <c>status.availableReplicas</c> (pods ready to consume).
/// <see cref="Deployed"/> is false, and both counts 0, when the Deployment does not exist.
/// </summary>
public sealed record ApiReplicas(string Api, bool Deployed, int Requested, int Available);
