namespace Cortex.Queue.Bench.Handlers;

/// <summary>
/// What request handlers cost: compile times at worker start, the handler calls alone, and served throughput and
/// latency with and without a handler on the same model in the same process.
/// </summary>
public sealed record HandlerBenchmarkResult(
    string? Problem,
    double FirstCompileMs,
    double LaterCompileMs,
    double PreInferenceMicroseconds,
    double PostInferenceMicroseconds,
    IReadOnlyList<HandlerLevelResult> Levels);
