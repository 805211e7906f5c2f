namespace Cortex.Queue.Runtime.Loading;

/// <summary>The model file a configured path leads to, and the version folder it was taken from, if any.</summary>
public sealed record ResolvedModelFile(string FilePath, long? Version)
{
    /// <summary>How messages and <see cref="IModel.Description"/> name the model.</summary>
    public string Description => Version is { } version ? $"{FilePath} (version {version})" : FilePath;
}
