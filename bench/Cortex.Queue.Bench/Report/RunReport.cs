using Cortex.Queue.Bench.Handlers;
using Cortex.Queue.Bench.Models;
using Cortex.Queue.Bench.Serving;
using Cortex.Queue.Bench.Setup;

namespace Cortex.Queue.Bench.Report;

/// <summary>Everything one benchmark run produced, handed to the Markdown writer.</summary>
public sealed record RunReport(
    DateTimeOffset Started,
    TimeSpan Duration,
    MachineFacts Machine,
    string LoadAverageAtEnd,
    string? Broker,
    BenchOptions Options,
    string Command,
    string RepositoryRoot,
    IReadOnlyList<ServingResult> Serving,
    IReadOnlyList<LoadTimeResult> LoadTimes,
    IReadOnlyList<InferenceResult> Inference,
    IReadOnlyList<string> Notes,
    HandlerBenchmarkResult? Handlers = null);
