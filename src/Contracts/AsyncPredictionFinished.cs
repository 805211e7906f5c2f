namespace Cortex.Queue.Contracts;

/// <summary>A worker finished an asynchronous (or raw AMQP) request; the result store keeps it for later reads.</summary>
public sealed record AsyncPredictionFinished(
    string Api,
    string Id,
    int StatusCode,
    string? ResultJson,
    string? Error,
    DateTimeOffset At);
