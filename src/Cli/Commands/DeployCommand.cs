using System.CommandLine;
using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Cluster;
using Cortex.Queue.Deploy.Output;
using Cortex.Queue.Deploy.Rendering;
using Cortex.Queue.Deploy.Sources;

namespace Cortex.Queue.Cli.Commands;

/// <summary>
/// <c>cortex deploy PATH</c>: server-side applies the Kubernetes and KEDA objects of a cortex.yaml to the current
/// kubeconfig context; with <c>--render DIR</c> writes them instead, one file per kind.
/// </summary>
public static class DeployCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "a cortex.yaml, or the folder holding one", DefaultValueFactory = _ => "." };
        var render = new Option<string?>("--render") { Description = "write the manifests into this folder instead of applying them" };
        var imagePrefix = new Option<string>("--image-prefix") { Description = "registry/repository of the images ({prefix}/ingress, {prefix}/tracker, {prefix}/worker, {prefix}/worker-gpu)", DefaultValueFactory = _ => new RenderOptions().ImagePrefix };
        var imageTag = new Option<string>("--image-tag") { Description = "tag of the images", DefaultValueFactory = _ => new RenderOptions().ImageTag };
        var cluster = new ClusterOptions();
        var command = new Command("deploy", "Apply the Kubernetes + KEDA objects of a cortex.yaml to the current kubeconfig context (or write them: --render DIR)");
        command.Arguments.Add(path);
        command.Options.Add(render);
        command.Options.Add(imagePrefix);
        command.Options.Add(imageTag);
        cluster.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var config = ConfigReporter.LoadOrReport(parseResult.GetValue(path)!, Console.Error);
            if (config is null)
            {
                return 1;
            }
            var options = new RenderOptions { ImagePrefix = parseResult.GetValue(imagePrefix)!, ImageTag = parseResult.GetValue(imageTag)! };
            var manifests = ManifestRenderer.Render(config, DeploymentSourcesReader.Read(config), options);
            var directory = parseResult.GetValue(render);
            if (!string.IsNullOrWhiteSpace(directory))
            {
                var files = ManifestFiles.Write(manifests, directory);
                PrintWritten(config, manifests, files, directory);
                return 0;
            }
            using var client = cluster.OpenOrReport(parseResult, Console.Error);
            if (client is null)
            {
                return 1;
            }
            try
            {
                PrintApplied(config, manifests, await new ManifestApplier(client).ApplyAsync(config, manifests, cancellationToken));
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

    private static void PrintApplied(CortexConfig config, RenderedManifests manifests, ApplyReport report)
    {
        foreach (var item in report.Objects)
        {
            Console.Out.WriteLine($"{item.Kind.ToLowerInvariant()}/{item.Name} {item.Outcome.ToString().ToLowerInvariant()}");
        }
        foreach (var warning in manifests.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }
        Console.Out.WriteLine();
        foreach (var api in report.Apis)
        {
            Console.Out.WriteLine($"{api.Api}: {api.Text}");
        }
        if (report.Apis.Any(api => api.Rollout == ApiRollout.Started))
        {
            var ns = ManifestNames.Namespace(config);
            Console.Out.WriteLine();
            Console.Out.WriteLine($"the pods start once the Secrets exist in namespace {ns}:");
            PrintSecretCommands(config, ns, Console.Out);
        }
    }

    private static void PrintWritten(CortexConfig config, RenderedManifests manifests, IReadOnlyList<ManifestFile> files, string directory)
    {
        var ns = ManifestNames.Namespace(config);
        var output = Console.Out;
        output.WriteLine($"rendered deployment '{config.DeploymentName}' ({config.Apis.Count} API{(config.Apis.Count == 1 ? "" : "s")}) into {Path.GetFullPath(directory)}:");
        foreach (var file in files)
        {
            var names = string.Join(", ", file.Objects.Select(o => o.Metadata.Name));
            output.WriteLine($"  {file.FileName,-29} {file.Kind} {names}");
        }
        foreach (var warning in manifests.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }
        output.WriteLine();
        output.WriteLine($"before applying, create the Secrets in namespace {ns} (KEDA must be installed in the cluster):");
        output.WriteLine($"  kubectl apply -f {Path.Combine(directory, "namespace.yaml")}");
        PrintSecretCommands(config, ns, output);
        output.WriteLine($"then: kubectl apply -f {directory}");
    }

    private static void PrintSecretCommands(CortexConfig config, string ns, TextWriter output)
    {
        output.WriteLine($"  kubectl -n {ns} create secret generic {ManifestNames.RabbitMqSecretName} --from-literal=url=amqp://USER:PASSWORD@HOST:5672/");
        output.WriteLine($"  kubectl -n {ns} create secret generic {ManifestNames.RabbitMqManagementSecretName} --from-literal=url=http://USER:PASSWORD@HOST:15672/");
        output.WriteLine($"  kubectl -n {ns} create secret generic {ManifestNames.PostgresSecretName} --from-literal={ManifestNames.PostgresSecretKey}='Host=HOST;Username=USER;Password=PASSWORD;Database=cortex'");
        if (config.Apis.Any(api => api.Model.IsS3))
        {
            output.WriteLine($"  kubectl -n {ns} create secret generic {ManifestNames.S3SecretName} --from-literal=AWS_ACCESS_KEY_ID=... --from-literal=AWS_SECRET_ACCESS_KEY=... --from-literal=AWS_REGION=...");
        }
    }
}
