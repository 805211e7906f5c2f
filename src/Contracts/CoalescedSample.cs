using System.Text.Json;

namespace Cortex.Queue.Contracts;

/// <summary>One caller's sample inside a <see cref="PredictBatchRequest"/>, with the id and debug flag of its request.</summary>
public sealed record CoalescedSample(string RequestId, bool Debug, JsonElement Sample);
