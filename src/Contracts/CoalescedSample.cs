namespace Cortex.Queue.Contracts;

/// <summary>
/// One caller's sample inside a <see cref="PredictBatchRequest"/>, with the id and debug flag of its request.
/// <paramref name="Body"/> is the sample's JSON exactly as the caller sent it (UTF-8), carried as bytes (base64 in
/// the envelope) rather than as a JSON value: the envelope's reader then skips over it in one scan, and the worker
/// tokenizes the sample once, straight into tensors. As a JSON value it was tokenized three times on its way
/// (envelope parse, re-serialisation for the message, parse of the sample), which for a 784-pixel image cost
/// more than the model.
/// </summary>
public sealed record CoalescedSample(string RequestId, bool Debug, byte[] Body);
