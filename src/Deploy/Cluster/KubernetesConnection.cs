using k8s;
using k8s.Exceptions;

namespace Cortex.Queue.Deploy.Cluster;

/// <summary>Opens the cluster the user's kubeconfig points at, the way kubectl chooses it.</summary>
public static class KubernetesConnection
{
    /// <summary>
    /// KUBECONFIG_PATH (else $KUBECONFIG, else ~/.kube/config, else the in-cluster service account) and CONTEXT (else the
    /// kubeconfig's current context). Throws <see cref="ClusterConnectionException"/> when none is configured.
    /// </summary>
    public static IKubernetes Open(string? kubeconfigPath = null, string? context = null)
    {
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = kubeconfigPath is null
                ? context is null
                    ? KubernetesClientConfiguration.BuildDefaultConfig()
                    : KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: context)
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath, currentContext: context);
        }
        catch (Exception exception) when (exception is KubeConfigException or FileNotFoundException or k8s.Exceptions.KubernetesClientException)
        {
            var where = kubeconfigPath ?? Environment.GetEnvironmentVariable("KUBECONFIG") ?? "~/.kube/config";
            var which = context is null ? "its current context" : $"context '{context}'";
            throw new ClusterConnectionException(
                $"no Kubernetes cluster is configured: could not use {which} of the kubeconfig {where} ({exception.Message}). " +
                "Point --kubeconfig/--context (or $KUBECONFIG) at a cluster, or write the manifests with --render DIR instead.",
                exception);
        }
        return new Kubernetes(configuration);
    }
}
