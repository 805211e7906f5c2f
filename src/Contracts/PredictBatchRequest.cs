namespace Cortex.Queue.Contracts;

/// <summary>
/// Several callers' samples in one message on <c>predict-{api}</c>. Under load the ingress coalesces concurrent
/// requests so the broker carries one message (and one reply) per group instead of per request; a lone request
/// still travels as a plain <see cref="PredictRequest"/>.
/// </summary>
public sealed record PredictBatchRequest(IReadOnlyList<CoalescedSample> Samples);
