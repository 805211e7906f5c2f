using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Keda;
using Cortex.Queue.Deploy.Output;
using Cortex.Queue.Deploy.Rendering;
using Cortex.Queue.Deploy.Sources;
using Cortex.Queue.Deploy.Tests.Support;
using k8s;
using k8s.Models;

namespace Cortex.Queue.Deploy.Tests;

/// <summary>What is written is what KubernetesClient reads back: no object is lost or mistyped in the YAML.</summary>
public sealed class RoundTripTests
{
    [Theory]
    [InlineData("iris-classifier")]
    [InlineData("iris-classifier-tensorflow")]
    public void Every_rendered_object_parses_back_with_kubernetes_client_as_its_own_kind(string example)
    {
        var config = CortexConfigLoader.LoadOrThrow(RepositoryLayout.Example(example));
        foreach (var file in ManifestFiles.From(ManifestRenderer.Render(config, DeploymentSourcesReader.Read(config))))
        {
            var parsed = KubernetesYaml.LoadAllFromString(file.Yaml, KedaObjectTypes.Map, strict: true);

            Assert.Equal(file.Objects.Count, parsed.Count);
            for (var i = 0; i < parsed.Count; i++)
            {
                var back = Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(parsed[i]);
                Assert.Equal(file.Objects[i].GetType(), back.GetType());
                Assert.Equal((file.Objects[i].Kind, file.Objects[i].Metadata.Name), (back.Kind, back.Metadata.Name));
                Assert.Equal(KubernetesYaml.Serialize(file.Objects[i]), KubernetesYaml.Serialize(back));
            }
        }
    }

    [Fact]
    public void A_scaled_object_read_back_keeps_its_bounds_and_triggers()
    {
        var yaml = ManifestFiles.ToYaml(TestConfigs.Render(TestConfigs.OneApi("  compute:\n    min_replicas: 0\n    max_replicas: 7")).ScaledObjects);

        var scaled = Assert.IsType<ScaledObject>(Assert.Single(KubernetesYaml.LoadAllFromString(yaml, KedaObjectTypes.Map, strict: true)));

        Assert.Equal((0, 7), (scaled.Spec.MinReplicaCount, scaled.Spec.MaxReplicaCount));
        Assert.Equal(["rabbitmq", "cpu"], scaled.Spec.Triggers.Select(t => t.Type));
    }
}
