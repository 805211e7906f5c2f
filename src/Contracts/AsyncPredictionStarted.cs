namespace Cortex.Queue.Contracts;

/// <summary>A worker took an asynchronous request off the queue (status <c>in_progress</c>).</summary>
public sealed record AsyncPredictionStarted(string Api, string Id, DateTimeOffset At);
