using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Rendering;
using Cortex.Queue.Deploy.Sources;
using Cortex.Queue.Deploy.Tests.Support;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Deploy.Tests;

/// <summary>docker-compose.yml at the repository root: accepted by the compose client, and wired like the manifests.</summary>
public sealed class DockerComposeTests
{
    private static string ComposeFile => Path.Combine(RepositoryLayout.Root, "docker-compose.yml");

    [ComposeClientFact]
    public void The_compose_client_accepts_docker_compose_yml()
    {
        var (exitCode, output, error) = ComposeClient.Run(RepositoryLayout.Root, "-f", ComposeFile, "config", "-q");

        Assert.True(exitCode == 0, $"compose config rejected docker-compose.yml:\n{output}\n{error}");
    }

    [ComposeClientFact]
    public void The_compose_client_check_rejects_a_broken_file()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("cortex-compose-").FullName, "docker-compose.yml");
        File.WriteAllText(broken, File.ReadAllText(ComposeFile).Replace("    image: postgres:15", "    image: [postgres:15", StringComparison.Ordinal));
        try
        {
            Assert.NotEqual(0, ComposeClient.Run(Path.GetDirectoryName(broken)!, "-f", broken, "config", "-q").ExitCode);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
        }
    }

    [Fact]
    public void The_ingress_the_tracker_and_every_example_api_have_a_service_with_the_manifests_environment()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(ComposeFile)));
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        var config = CortexConfigLoader.LoadOrThrow(RepositoryLayout.Example("iris-classifier"));
        var manifests = ManifestRenderer.Render(config, DeploymentSourcesReader.Read(config));

        foreach (var api in config.Apis)
        {
            var deployment = manifests.Deployments.Single(d => d.Metadata.Name == ManifestNames.Worker(api));
            var environment = Environment((YamlMappingNode)services.Children[new YamlScalarNode(ManifestNames.Worker(api))]);
            Assert.Equal(EnvironmentNames(deployment), environment.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(api.Name, environment["CORTEX_API"]);
        }
        foreach (var name in new[] { ManifestNames.IngressName, ManifestNames.TrackerName })
        {
            Assert.Equal(
                EnvironmentNames(manifests.Deployments.Single(d => d.Metadata.Name == name)),
                Environment((YamlMappingNode)services.Children[new YamlScalarNode(name)]).Keys.Order(StringComparer.Ordinal));
        }
        Assert.Contains(new YamlScalarNode("rabbitmq"), services.Children.Keys);
        Assert.Contains(new YamlScalarNode("postgres"), services.Children.Keys);
    }

    private static IEnumerable<string> EnvironmentNames(V1Deployment deployment) =>
        deployment.Spec.Template.Spec.Containers[0].Env.Select(e => e.Name).Order(StringComparer.Ordinal);

    private static Dictionary<string, string> Environment(YamlMappingNode service)
    {
        var environment = new Dictionary<string, string>();
        AddEntries((YamlMappingNode)service.Children[new YamlScalarNode("environment")], environment);
        return environment;
    }

    /// <summary>Follows the `&lt;&lt;: *anchor` merge key, since the shared variables are declared once.</summary>
    private static void AddEntries(YamlMappingNode mapping, Dictionary<string, string> environment)
    {
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name == "<<")
            {
                AddEntries((YamlMappingNode)value, environment);
            }
            else
            {
                environment[name] = ((YamlScalarNode)value).Value!;
            }
        }
    }
}
