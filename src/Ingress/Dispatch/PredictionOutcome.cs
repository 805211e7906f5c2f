namespace Cortex.Queue.Ingress.Dispatch;

/// <summary>The result of one sample as the HTTP layer needs it: status, body JSON or error, optional debug trace.</summary>
public sealed record PredictionOutcome(int StatusCode, string? ResultJson, string? Error, string? DebugJson, TimeSpan? RetryAfter = null, string? WorkerId = null)
{
    public bool Succeeded => StatusCode == 200;
}
