namespace Cortex.Queue.Bench.Models;

/// <summary>Throughput of one model at one batch size through <c>IModel.Run</c> and through a bare ONNX Runtime session.</summary>
public sealed record InferenceResult(
    string Model,
    int BatchSize,
    double CortexSamplesPerSecond,
    double CortexMedianRunMs,
    double BareSamplesPerSecond,
    double BareMedianRunMs)
{
    public double Ratio => BareSamplesPerSecond > 0 ? CortexSamplesPerSecond / BareSamplesPerSecond : double.NaN;
}
