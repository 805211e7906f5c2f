using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Rendering;
using k8s;

namespace Cortex.Queue.Deploy.Cluster;

/// <summary>For <c>cortex get</c>: the replicas Kubernetes reports for each API's worker Deployment.</summary>
public sealed class ClusterReplicaReader(IKubernetes client)
{
    private readonly ClusterObjectOperations _operations = new(client);

    /// <summary>One entry per API of CONFIG, in file order; an API whose worker is not deployed is reported with Deployed = false.</summary>
    public Task<IReadOnlyList<ApiReplicas>> ReadAsync(CortexConfig config, CancellationToken cancellationToken = default) =>
        ReadAsync(config.DeploymentName, config.Apis.Select(api => api.Name).ToArray(), cancellationToken);

    /// <summary>The same for a deployment known only by its name and its APIs' names (what a running ingress reports).</summary>
    public async Task<IReadOnlyList<ApiReplicas>> ReadAsync(string deploymentName, IReadOnlyList<string> apiNames, CancellationToken cancellationToken = default)
    {
        return await ClusterCalls.Guard(client, async () =>
        {
            var replicas = new List<ApiReplicas>();
            foreach (var api in apiNames)
            {
                var live = await _operations.ReadDeploymentAsync(ManifestNames.Worker(api), ManifestNames.Namespace(deploymentName), cancellationToken);
                // An absent spec.replicas means the API server's default, 1; an absent availableReplicas means none yet.
                replicas.Add(live is null
                    ? new ApiReplicas(api, Deployed: false, Requested: 0, Available: 0)
                    : new ApiReplicas(api, Deployed: true, live.Replicas ?? 1, live.AvailableReplicas ?? 0));
            }
            return (IReadOnlyList<ApiReplicas>)replicas;
        });
    }
}
