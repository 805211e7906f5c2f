using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Rendering;
using Cortex.Queue.Deploy.Sources;
using Cortex.Queue.Deploy.Tests.Support;

namespace Cortex.Queue.Deploy.Tests;

/// <summary>The ConfigMap carries what a pod needs besides its image: the cortex.yaml and the handler sources, at their relative paths.</summary>
public sealed class ConfigMapTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cortex-deploy-configmap-").FullName;

    [Fact]
    public void The_cortex_yaml_and_a_handler_in_a_sub_folder_are_shipped_and_mounted_at_their_relative_paths()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "handlers"));
        File.WriteAllText(Path.Combine(_folder, "handlers", "ranker.cs"), "// ranker handler\n");
        var config = Write("""
            - kind: deployment
              name: shop
            - kind: api
              name: ranker
              onnx:
                model: s3://models/ranker.onnx
                request_handler: handlers/ranker.cs
            """);

        var manifests = ManifestRenderer.Render(config, DeploymentSourcesReader.Read(config));

        var data = Assert.Single(manifests.ConfigMaps).Data;
        Assert.Equal(File.ReadAllText(config.FilePath), data[ConfigMapRenderer.CortexYamlKey]);
        Assert.Equal("// ranker handler\n", data["handlers__ranker.cs"]);
        var volume = Assert.Single(manifests.Deployments.Single(d => d.Metadata.Name == "worker-ranker").Spec.Template.Spec.Volumes, v => v.ConfigMap is not null);
        Assert.Contains(volume.ConfigMap.Items, item => item.Key == "handlers__ranker.cs" && item.Path == "handlers/ranker.cs");
        Assert.Empty(manifests.Warnings);
    }

    [Fact]
    public void Every_cs_file_of_the_python_path_is_shipped()
    {
        File.WriteAllText(Path.Combine(_folder, "Tokenizer.cs"), "// shared helper\n");
        var config = Write("""
            - kind: deployment
              name: shop
            - kind: api
              name: ranker
              onnx:
                model: s3://models/ranker.onnx
            """);

        var data = Assert.Single(ManifestRenderer.Render(config, DeploymentSourcesReader.Read(config)).ConfigMaps).Data;

        Assert.Equal("// shared helper\n", data["Tokenizer.cs"]);
    }

    [Fact]
    public void A_local_model_path_is_warned_about_because_a_pod_cannot_read_it()
    {
        File.WriteAllText(Path.Combine(_folder, "model.onnx"), "not really a model");
        var config = Write("""
            - kind: deployment
              name: shop
            - kind: api
              name: ranker
              onnx:
                model: model.onnx
            """);

        var warning = Assert.Single(DeploymentSourcesReader.Read(config).Warnings);

        Assert.Contains("'ranker'", warning, StringComparison.Ordinal);
        Assert.Contains("s3://", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_cortex_yaml_changes_the_pod_template_so_the_pods_roll()
    {
        var yaml = TestConfigs.OneApi("  compute:\n    max_replicas: 3");
        var before = TestConfigs.Render(yaml).Deployments.Single(d => d.Metadata.Name == "worker-ranker").Spec.Template.Metadata.Annotations[ManifestNames.ConfigChecksumAnnotation];
        var after = TestConfigs.Render(yaml.Replace("max_replicas: 3", "max_replicas: 4", StringComparison.Ordinal))
            .Deployments.Single(d => d.Metadata.Name == "worker-ranker").Spec.Template.Metadata.Annotations[ManifestNames.ConfigChecksumAnnotation];

        Assert.NotEqual(before, after);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CortexConfig Write(string yaml)
    {
        var path = Path.Combine(_folder, "cortex.yaml");
        File.WriteAllText(path, yaml);
        return CortexConfigLoader.LoadOrThrow(path);
    }
}
