using System.CommandLine;
using Cortex.Queue.Deploy.Cluster;
using k8s;

namespace Cortex.Queue.Cli.Commands;

/// <summary>--kubeconfig and --context, shared by the commands that talk to a cluster; kubectl's defaults when absent.</summary>
public sealed class ClusterOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, else the in-cluster service account)" };

    public Option<string?> Context { get; } = new("--context") { Description = "kubeconfig context (default: its current context)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
    }

    /// <summary>The cluster client, or null after printing why there is none.</summary>
    public IKubernetes? OpenOrReport(ParseResult parseResult, TextWriter error)
    {
        try
        {
            return KubernetesConnection.Open(parseResult.GetValue(Kubeconfig), parseResult.GetValue(Context));
        }
        catch (ClusterOperationException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return null;
        }
    }
}
