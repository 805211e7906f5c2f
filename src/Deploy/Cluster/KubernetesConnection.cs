using k8s;
using k8s.Exceptions;

namespace Cortex.Queue.Deploy.Cluster;

/// <summary>Opens the cluster the user's kubeconfig points at, the way kubectl chooses it.</summary>
public static class KubernetesConnection
{
    /// <summary>
    /// KUBECONFIG_PATH (else $KUBECONFIG, else ~/.kube/config, else the in-cluster service account) and CONTEXT (else the
    /// kubeconfig's current context). Throws <see cref="ClusterOperationException"/> when none is configured.
    /// </summary>
    public static IKubernetes Open(string? kubeconfigPath = null, string? context = null)
    {
        var path = kubeconfigPath ?? FirstExistingKubeconfig();
        var which = context is null ? "its current context" : $"context '{context}'";
        try
        {
            if (path is null)
            {
                // KubernetesClient would fall back to http://localhost:8080 here; saying so plainly is more useful.
                if (!InCluster())
                {
                    throw new KubeConfigException($"no kubeconfig at {DefaultLocations()} and not running in a pod");
                }
                return new Kubernetes(KubernetesClientConfiguration.InClusterConfig());
            }
            return new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context));
        }
        catch (Exception exception) when (exception is KubeConfigException or FileNotFoundException or KubernetesClientException)
        {
            throw new ClusterOperationException(
                $"no Kubernetes cluster is configured: could not use {which} of the kubeconfig {path ?? DefaultLocations()} ({exception.Message}). " +
                "Point --kubeconfig/--context (or $KUBECONFIG) at a cluster, or write the manifests with --render DIR instead.",
                exception);
        }
    }

    /// <summary>
    /// Whether <see cref="Open"/> has a cluster to open: KUBECONFIG_PATH (or $KUBECONFIG, or ~/.kube/config) exists, or
    /// this runs in a pod. Lets <c>cortex get</c> leave out cluster replicas quietly where no cluster is configured.
    /// </summary>
    public static bool IsConfigured(string? kubeconfigPath = null) =>
        kubeconfigPath is null ? FirstExistingKubeconfig() is not null || InCluster() : File.Exists(kubeconfigPath);

    private static string? FirstExistingKubeconfig() =>
        Candidates().FirstOrDefault(File.Exists);

    private static IEnumerable<string> Candidates()
    {
        var variable = Environment.GetEnvironmentVariable("KUBECONFIG");
        return string.IsNullOrWhiteSpace(variable)
            ? [KubernetesClientConfiguration.KubeConfigDefaultLocation]
            : variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
    }

    private static string DefaultLocations() => string.Join(", ", Candidates());

    /// <summary>The variables the kubelet sets in every pod; the service-account token is checked when the config is built.</summary>
    private static bool InCluster() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
        && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT"));
}
