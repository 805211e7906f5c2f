using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Validation;

/// <summary>Gathers every problem found while reading one file, so the user fixes them in one pass.</summary>
internal sealed class ConfigErrorCollector(string filePath)
{
    private readonly List<ConfigError> errors = [];

    public int Count => errors.Count;

    public SourceLocation LocationOf(Mark mark) => new(filePath, (int)mark.Line, (int)mark.Column);

    public void Add(Mark at, string keyPath, string message) =>
        errors.Add(new ConfigError(LocationOf(at), keyPath, message));

    public void Add(YamlNode at, string keyPath, string message) => Add(at.Start, keyPath, message);

    /// <summary>For problems that have no place in the text, such as a missing file.</summary>
    public void AddWithoutPosition(string keyPath, string message) =>
        errors.Add(new ConfigError(new SourceLocation(filePath, 0, 0), keyPath, message));

    /// <summary>Errors sorted by position; ties keep the order they were found in.</summary>
    public IReadOnlyList<ConfigError> InFileOrder() =>
        errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column).ToList();
}
