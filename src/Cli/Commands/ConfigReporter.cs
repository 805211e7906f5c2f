using Cortex.Queue.Worker;
using Cortex.Queue.Config;
using Cortex.Queue.Handlers.Loading;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Loading;

namespace Cortex.Queue.Cli.Commands;

/// <summary>Loads a cortex.yaml for a command and prints every problem with the file, including models the runtime cannot serve.</summary>
public static class ConfigReporter
{
    public static CortexConfig? LoadOrReport(string path, TextWriter error)
    {
        var result = CortexConfigLoader.Load(path);
        var errors = new List<ConfigError>(result.Errors);
        if (result.Config is { } config)
        {
            errors.AddRange(ServingChecks(config));
        }
        if (errors.Count == 0 && result.Config is not null)
        {
            return result.Config;
        }
        error.WriteLine($"{errors.Count} error{(errors.Count == 1 ? "" : "s")} in {path}:");
        foreach (var problem in errors)
        {
            error.WriteLine($"  {problem}");
        }
        return null;
    }

    /// <summary>
    /// Problems the YAML alone cannot show: a model kind this build cannot run, a local model path that does not exist,
    /// a request handler that does not compile (each compiler error as <c>handler.cs:LINE:COL: error CSxxxx: message</c>).
    /// </summary>
    public static IEnumerable<ConfigError> ServingChecks(CortexConfig config)
    {
        foreach (var api in config.Apis)
        {
            var handlerKeyPath = $"apis[{api.Index}].{(api.Model.Kind == ModelKind.TensorFlow ? "tensorflow" : "onnx")}.request_handler";
            foreach (var problem in RequestHandlerLoader.Check(api))
            {
                yield return new ConfigError(api.Model.RequestHandlerLocation ?? api.Model.Location, handlerKeyPath, $"API '{api.Name}': {problem}");
            }
            var keyPath = $"apis[{api.Index}].{(api.Model.Kind == ModelKind.TensorFlow ? "tensorflow" : "onnx")}.model";
            if (!ServingModelLoader.Default.IsSupported(api.Model.Kind))
            {
                yield return new ConfigError(api.Model.Location, keyPath,
                    $"API '{api.Name}': {api.Model.Kind} models are not supported yet by this build; export the model to ONNX and use an onnx: block");
            }
            else if (!api.Model.IsS3 && !File.Exists(api.Model.ResolvedPath) && !Directory.Exists(api.Model.ResolvedPath))
            {
                yield return new ConfigError(api.Model.Location, keyPath, $"API '{api.Name}': model path '{api.Model.ResolvedPath}' does not exist");
            }
        }
    }
}
