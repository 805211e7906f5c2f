using System.Text.Json.Serialization;

namespace Cortex.Queue.Cli.Monitoring;

/// <summary>Responses by status class, as Cortex's <c>2XX</c>, <c>4XX</c> and <c>5XX</c> columns.</summary>
public sealed record StatusCounts(
    [property: JsonPropertyName("2XX")] long Success,
    [property: JsonPropertyName("4XX")] long ClientErrors,
    [property: JsonPropertyName("5XX")] long ServerErrors);
