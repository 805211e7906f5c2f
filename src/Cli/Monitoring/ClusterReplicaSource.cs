using Cortex.Queue.Deploy.Cluster;

namespace Cortex.Queue.Cli.Monitoring;

/// <summary>
/// The replicas Kubernetes reports for a deployment's workers, for <c>cortex get</c> when a kubeconfig exists. Without
/// one (say, under <c>cortex up</c>) there is no source and the ingress's heartbeat counts stand; a cluster that does
/// not answer is reported once in <see cref="Problem"/> and the heartbeat counts stand too.
/// </summary>
public sealed class ClusterReplicaSource(ClusterReplicaReader reader)
{
    /// <summary>Why the last read failed, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>A source for the kubeconfig given (or kubectl's default one), or null when none is configured.</summary>
    public static ClusterReplicaSource? TryCreate(string? kubeconfig, string? context)
    {
        if (!KubernetesConnection.IsConfigured(kubeconfig))
        {
            return null;
        }
        try
        {
            return new ClusterReplicaSource(new ClusterReplicaReader(KubernetesConnection.Open(kubeconfig, context)));
        }
        catch (ClusterOperationException)
        {
            return null;
        }
    }

    /// <summary>Requested and available replicas per deployed API; APIs not deployed on the cluster are left out.</summary>
    public async Task<IReadOnlyDictionary<string, ReplicaCounts>> ReadAsync(string deployment, IReadOnlyList<string> apis, CancellationToken cancellationToken)
    {
        try
        {
            var replicas = await reader.ReadAsync(deployment, apis, cancellationToken).ConfigureAwait(false);
            Problem = null;
            return replicas.Where(r => r.Deployed).ToDictionary(r => r.Api, r => new ReplicaCounts(r.Requested, r.Available));
        }
        catch (ClusterOperationException exception)
        {
            Problem = exception.Message;
            return new Dictionary<string, ReplicaCounts>();
        }
    }
}
