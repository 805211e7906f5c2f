namespace Cortex.Queue.Deploy.Cluster;

/// <summary>
/// A cluster operation that cannot go on: no kubeconfig or context, an unreachable API server, KEDA's CRDs missing, or an
/// object the API server refused. The message says what was wrong and what to do.
/// </summary>
public sealed class ClusterOperationException(string message, Exception? inner = null) : Exception(message, inner);
