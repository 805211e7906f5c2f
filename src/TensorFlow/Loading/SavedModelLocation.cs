namespace Cortex.Queue.TensorFlow.Loading;

/// <summary>The SavedModel folder a configured path leads to, and the version folder it was taken from, if any.</summary>
public sealed record SavedModelLocation(string Directory, long? Version)
{
    public const string ProtoFileName = "saved_model.pb";

    public string ProtoPath => Path.Combine(Directory, ProtoFileName);

    /// <summary>How messages and descriptions name the model.</summary>
    public string Description => Version is { } version ? $"{Directory} (version {version})" : Directory;
}
