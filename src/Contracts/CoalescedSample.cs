namespace Cortex.Queue.Contracts;

/// <summary>
/// One caller's sample inside a <see cref="PredictBatchRequest"/>, with the id and debug flag of its request.
/// <paramref name="Body"/> is the sample's JSON exactly as the caller sent it (UTF-8), carried as bytes (base64 in
/// the envelope) rather than as a JSON value: the envelope's reader then skips over it in one scan, and the worker
/// tokenizes the sample once, straight into tensors. As a JSON value it was tokenized three times on its way
/// (envelope parse, re-serialisation for the message, parse of the sample), which for a 784-pixel image cost
/// more than the model. When <paramref name="IsTensorBody"/> is true the ingress has already read the sample against
/// the signature and <paramref name="Body"/> holds its tensors (<c>SampleTensorCodec</c>) instead of JSON.
/// </summary>
public sealed record CoalescedSample(string RequestId, bool Debug, byte[] Body, bool IsTensorBody = false);
