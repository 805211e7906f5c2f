using Cortex.Queue.Config;

namespace Cortex.Queue.Handlers.Tests.Support;

/// <summary>A cortex.yaml with one API and its handler files in a fresh temporary folder, removed on dispose.</summary>
public sealed class HandlerProject : IDisposable
{
    private HandlerProject(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public static HandlerProject Create(string requestHandler = "handler.cs", string extraModelYaml = "", string apiYaml = "")
    {
        var project = new HandlerProject(Path.Combine(Path.GetTempPath(), "cortex-handler-" + Guid.NewGuid().ToString("N")[..12]));
        Directory.CreateDirectory(project.Folder);
        File.WriteAllText(Path.Combine(project.Folder, "cortex.yaml"), $"""
            - kind: deployment
              name: handlers
            - kind: api
              name: api
              onnx:
                model: model.onnx
                request_handler: {requestHandler}
            {Indent(extraModelYaml, "    ")}
            {Indent(apiYaml, "  ")}
            """);
        return project;
    }

    public HandlerProject WithFile(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public HandlerProject WithBytes(string relativePath, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(Folder, relativePath), bytes);
        return this;
    }

    /// <summary>The API as the worker sees it (loaded after the files are written: a missing handler is a config error).</summary>
    public ApiConfig Api => CortexConfigLoader.LoadOrThrow(Path.Combine(Folder, "cortex.yaml")).Apis[0];

    private static string Indent(string block, string prefix) =>
        string.Join('\n', block.Split('\n').Select(line => line.Length == 0 ? line : prefix + line));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS.
        }
    }
}
