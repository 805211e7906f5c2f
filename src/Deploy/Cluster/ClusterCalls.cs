using k8s;

namespace Cortex.Queue.Deploy.Cluster;

/// <summary>Turns "the API server did not answer" into an error that names the server, instead of a socket exception.</summary>
internal static class ClusterCalls
{
    public static async Task<T> Guard<T>(IKubernetes client, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException exception)
        {
            throw new ClusterOperationException(
                $"could not reach the Kubernetes API server at {client.BaseUri}: {exception.Message}. Check the kubeconfig's current context (`kubectl config current-context`) or pass --context.",
                exception);
        }
    }
}
