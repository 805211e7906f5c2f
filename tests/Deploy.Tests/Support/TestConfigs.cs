using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Rendering;
using Cortex.Queue.Deploy.Sources;

namespace Cortex.Queue.Deploy.Tests.Support;

/// <summary>Builds configs from YAML text and renders them with sources that need no files on disk.</summary>
public static class TestConfigs
{
    public static CortexConfig Load(string yaml)
    {
        var result = CortexConfigLoader.LoadText(yaml, Path.Combine(Path.GetTempPath(), "cortex-deploy-tests", "cortex.yaml"));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Config!;
    }

    public static RenderedManifests Render(string yaml)
    {
        var config = Load(yaml);
        return ManifestRenderer.Render(config, new DeploymentSources(yaml, new Dictionary<string, string>(), []));
    }

    /// <summary>A deployment with one s3-backed ONNX API whose <c>compute</c>/<c>batching</c>/<c>autoscaling</c> blocks are given as indented YAML.</summary>
    public static string OneApi(string blocks) => $"""
        - kind: deployment
          name: shop

        - kind: api
          name: ranker
          onnx:
            model: s3://models/ranker.onnx
        {blocks}
        """;
}
