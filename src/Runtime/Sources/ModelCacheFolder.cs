namespace Cortex.Queue.Runtime.Sources;

/// <summary>Where downloaded and unpacked models are kept between starts.</summary>
public static class ModelCacheFolder
{
    /// <summary>Environment variable that moves the cache.</summary>
    public const string Variable = "CORTEX_MODEL_CACHE";

    /// <summary><c>$CORTEX_MODEL_CACHE</c>, else <c>~/.cache/cortex/models</c>.</summary>
    public static string Default =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "cortex", "models");
}
