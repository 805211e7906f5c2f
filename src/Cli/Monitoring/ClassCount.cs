using System.Text.Json.Serialization;

namespace Cortex.Queue.Cli.Monitoring;

/// <summary>How often a classification API predicted one class in the window.</summary>
public sealed record ClassCount([property: JsonPropertyName("class")] string Class, long Count);
