namespace Cortex.Queue.Config;

/// <summary>A resolved cortex.yaml: the deployment and its APIs, with every default filled in.</summary>
public sealed record CortexConfig(string FilePath, string DeploymentName, IReadOnlyList<ApiConfig> Apis)
{
    /// <summary>Folder holding the cortex.yaml; relative paths in the file resolve against it.</summary>
    public string RootDirectory => Path.GetDirectoryName(Path.GetFullPath(FilePath)) ?? ".";

    public ApiConfig? FindApi(string name) => Apis.FirstOrDefault(a => a.Name == name);
}
