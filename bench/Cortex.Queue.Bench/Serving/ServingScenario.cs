namespace Cortex.Queue.Bench.Serving;

/// <summary>A model served over HTTP with its batching settings, and the request bodies sent to it.</summary>
public sealed record ServingScenario(
    string Title,
    string ApiName,
    string ModelPath,
    int MaxBatchSize,
    string BatchTimeout,
    IReadOnlyList<byte[]> Bodies,
    string BodyDescription);
