namespace Cortex.Queue.Deploy.Cluster;

/// <summary>No usable cluster: no kubeconfig or context, an unreachable API server, or KEDA's CRDs missing. The message says what to do.</summary>
public sealed class ClusterConnectionException(string message, Exception? inner = null) : Exception(message, inner);
