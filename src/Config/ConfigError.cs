namespace Cortex.Queue.Config;

/// <summary>One problem in a cortex.yaml: where it is, which key, and what was expected.</summary>
public sealed record ConfigError(SourceLocation Location, string KeyPath, string Message)
{
    public override string ToString() => string.IsNullOrEmpty(KeyPath)
        ? $"{Location}: {Message}"
        : $"{Location}: {KeyPath}: {Message}";
}
