namespace Cortex.Queue.Config;

/// <summary>Thrown by <see cref="CortexConfigLoader.LoadOrThrow"/> when the file has errors; the message lists all of them.</summary>
public sealed class ConfigException(IReadOnlyList<ConfigError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
