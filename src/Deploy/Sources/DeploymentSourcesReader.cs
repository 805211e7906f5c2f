using Cortex.Queue.Config;

namespace Cortex.Queue.Deploy.Sources;

/// <summary>Reads the cortex.yaml text and every API's handler sources (the request handler and the .cs files of its python_path).</summary>
public static class DeploymentSourcesReader
{
    public static DeploymentSources Read(CortexConfig config)
    {
        var root = config.RootDirectory;
        var handlerFiles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (var api in config.Apis)
        {
            foreach (var file in HandlerFilesOf(api))
            {
                var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                if (relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                {
                    // A ConfigMap volume cannot place a file above its mount folder, where the pod's cortex.yaml would look for it.
                    warnings.Add($"API '{api.Name}': {file} lies outside the cortex.yaml folder, so it is not shipped in the ConfigMap; move it under {root}");
                    continue;
                }
                handlerFiles[relative] = File.ReadAllText(file);
            }
            if (!api.Model.IsS3)
            {
                // The pod's only copy of the project is the ConfigMap, which holds text files and no models.
                warnings.Add($"API '{api.Name}': the model '{api.Model.Path}' is a local path, which a worker pod cannot read; "
                    + "upload it to S3 and write its s3:// URL in the cortex.yaml so the worker fetches it at start-up");
            }
        }
        return new DeploymentSources(File.ReadAllText(config.FilePath), handlerFiles, warnings);
    }

    private static IEnumerable<string> HandlerFilesOf(ApiConfig api)
    {
        if (api.Model.RequestHandlerPath is { } handler && !handler.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) && File.Exists(handler))
        {
            yield return Path.GetFullPath(handler);
        }
        // python_path defaults to the cortex.yaml folder; only its own .cs files are compiled with the handler.
        if (Directory.Exists(api.PythonPath))
        {
            foreach (var file in Directory.EnumerateFiles(api.PythonPath, "*.cs", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            {
                yield return Path.GetFullPath(file);
            }
        }
    }
}
