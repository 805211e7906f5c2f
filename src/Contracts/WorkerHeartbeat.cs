using Cortex.Queue.Tensors;

namespace Cortex.Queue.Contracts;

/// <summary>
/// Published by every worker when its model is ready and every few seconds after, so each ingress learns the
/// signature it validates samples against and how many replicas are alive, without ever loading the model.
/// </summary>
public sealed record WorkerHeartbeat(
    string Api,
    string WorkerId,
    ModelSignature Signature,
    string ModelDescription,
    int MaxBatchSize,
    DateTimeOffset At);
