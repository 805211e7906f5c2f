namespace Cortex.Queue.Config;

/// <summary>Either a resolved config or every error found in the file (never only the first).</summary>
public sealed record ConfigLoadResult(CortexConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    public bool Succeeded => Config is not null && Errors.Count == 0;
}
