namespace Cortex.Queue.Ingress.Queueing;

/// <summary>No worker answered a request within its API's timeout.</summary>
public sealed class PredictionTimeoutException(string api, TimeSpan timeout)
    : Exception($"API '{api}' did not answer within {timeout.TotalSeconds:0.###} s");
