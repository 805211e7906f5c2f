namespace Cortex.Queue.Contracts;

/// <summary>Names of the queues every component agrees on.</summary>
public static class QueueNames
{
    public static string Predict(string api) => $"predict-{api}";

    /// <summary>The exchange every <see cref="PredictionServedBatch"/> of events is published to.</summary>
    public const string PredictionServedExchange = "prediction-served";

    /// <summary>The tracker's queue on <see cref="PredictionServedExchange"/>; tracker replicas share it.</summary>
    public const string PredictionServedTracker = "prediction-served-tracker";
}
