namespace Cortex.Queue.Contracts;

/// <summary>The answers to a <see cref="PredictBatchRequest"/>, one per sample, in the same order.</summary>
public sealed record PredictBatchReply(IReadOnlyList<PredictReply> Replies);
