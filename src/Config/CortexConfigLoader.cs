using Cortex.Queue.Config.Parsing;
using Cortex.Queue.Config.Resources;
using Cortex.Queue.Config.Validation;

namespace Cortex.Queue.Config;

/// <summary>Reads a cortex.yaml (or the folder holding one) into a <see cref="CortexConfig"/>.</summary>
public static class CortexConfigLoader
{
    public const string FileName = "cortex.yaml";

    /// <summary>PATH may be a cortex.yaml file or a folder holding cortex.yaml; empty means the current folder.</summary>
    public static ConfigLoadResult Load(string path)
    {
        path = string.IsNullOrWhiteSpace(path) ? "." : path;
        var filePath = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        var errors = new ConfigErrorCollector(filePath);
        if (Directory.Exists(path) && !File.Exists(filePath))
        {
            errors.AddWithoutPosition("", $"no {FileName} in the folder {Path.GetFullPath(path)}");
            return new ConfigLoadResult(null, errors.InFileOrder());
        }

        if (!File.Exists(filePath))
        {
            errors.AddWithoutPosition("", $"file not found: {Path.GetFullPath(filePath)}");
            return new ConfigLoadResult(null, errors.InFileOrder());
        }

        string yaml;
        try
        {
            yaml = File.ReadAllText(filePath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.AddWithoutPosition("", $"cannot read {Path.GetFullPath(filePath)}: {exception.Message}");
            return new ConfigLoadResult(null, errors.InFileOrder());
        }

        return LoadText(yaml, filePath);
    }

    /// <summary>Reads YAML text as if it were the file at FILEPATH: relative paths in it resolve against that file's folder.</summary>
    public static ConfigLoadResult LoadText(string yaml, string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var errors = new ConfigErrorCollector(filePath);
        var parsed = CortexYamlParser.Parse(yaml, errors);
        var rootDirectory = Path.GetDirectoryName(Path.GetFullPath(filePath)) ?? Directory.GetCurrentDirectory();
        var config = parsed is null ? null : new ResourceListReader(errors, rootDirectory).Read(parsed, filePath);
        return new ConfigLoadResult(errors.Count == 0 ? config : null, errors.InFileOrder());
    }

    public static CortexConfig LoadOrThrow(string path)
    {
        var result = Load(path);
        return result.Succeeded ? result.Config! : throw new ConfigException(result.Errors);
    }
}
