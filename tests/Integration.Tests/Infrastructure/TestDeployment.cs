using Cortex.Queue.Config;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>A cortex.yaml and its models in a fresh temporary folder, removed on dispose.</summary>
public sealed class TestDeployment : IDisposable
{
    private TestDeployment(string folder, CortexConfig config)
    {
        Folder = folder;
        Config = config;
    }

    public string DeploymentName => Config.DeploymentName;

    /// <summary>The HTTP path of an API of this deployment.</summary>
    public string PathOf(string api) => Config.FindApi(api)?.Endpoint ?? throw new ArgumentException($"no API {api}");

    public string Folder { get; }

    public CortexConfig Config { get; }

    /// <summary>A name unique to this test run, so durable queues on a shared broker never mix tests.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Writes <paramref name="yaml"/> as cortex.yaml after letting <paramref name="prepare"/> put models in the folder.</summary>
    public static TestDeployment Create(string yaml, Action<string>? prepare = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cortex-it-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        prepare?.Invoke(folder);
        var file = Path.Combine(folder, "cortex.yaml");
        File.WriteAllText(file, yaml);
        return new TestDeployment(folder, CortexConfigLoader.LoadOrThrow(file));
    }

    /// <summary>One API serving <paramref name="modelFile"/> (written by <paramref name="writeModel"/>).</summary>
    public static TestDeployment SingleApi(string api, Action<string> writeModel, string extraApiYaml = "", string modelFile = "model.onnx", string? requestHandler = null)
    {
        var handlerLine = requestHandler is null ? "" : $"\n    request_handler: {requestHandler}";
        var yaml = $"""
            - kind: deployment
              name: {UniqueName("t")}
            - kind: api
              name: {api}
              onnx:
                model: {modelFile}{handlerLine}
            {Indent(extraApiYaml)}
            """;
        return Create(yaml, folder => writeModel(Path.Combine(folder, modelFile)));
    }

    private static string Indent(string block) =>
        string.Join('\n', block.Split('\n').Select(line => line.Length == 0 ? line : "  " + line));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold the store file; the temp folder is cleaned by the OS.
        }
    }
}
