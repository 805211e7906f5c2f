using System.CommandLine;
using Cortex.Queue.Deploy.Cluster;
using Cortex.Queue.Deploy.Rendering;
using Cortex.Queue.Deploy.Sources;

namespace Cortex.Queue.Cli.Commands;

/// <summary><c>cortex delete PATH</c>: removes what <c>cortex deploy PATH</c> applied, the namespace last.</summary>
public static class DeleteCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "a cortex.yaml, or the folder holding one", DefaultValueFactory = _ => "." };
        var cluster = new ClusterOptions();
        var command = new Command("delete", "Delete a deployment's Kubernetes + KEDA objects from the current kubeconfig context");
        command.Arguments.Add(path);
        cluster.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var config = ConfigReporter.LoadOrReport(parseResult.GetValue(path)!, Console.Error);
            if (config is null)
            {
                return 1;
            }
            using var client = cluster.OpenOrReport(parseResult, Console.Error);
            if (client is null)
            {
                return 1;
            }
            var manifests = ManifestRenderer.Render(config, DeploymentSourcesReader.Read(config));
            try
            {
                var deleted = await new ManifestDeleter(client).DeleteAsync(manifests, cancellationToken);
                foreach (var item in deleted)
                {
                    Console.Out.WriteLine($"{item.Kind.ToLowerInvariant()}/{item.Name} {(item.Outcome == DeleteOutcome.Deleted ? "deleted" : "not found")}");
                }
                return 0;
            }
            catch (ClusterOperationException exception)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return 1;
            }
        });
        return command;
    }
}
