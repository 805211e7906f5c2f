namespace Cortex.Queue.Contracts;

/// <summary>Names of the queues every component agrees on.</summary>
public static class QueueNames
{
    public static string Predict(string api) => $"predict-{api}";
}
