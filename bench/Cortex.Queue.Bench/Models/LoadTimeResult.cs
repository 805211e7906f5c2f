namespace Cortex.Queue.Bench.Models;

/// <summary>
/// Load times of one SavedModel: cold (empty lowered-model cache), cached (second start), and the floor of opening
/// the lowered ONNX file alone; each measured in fresh processes.
/// </summary>
public sealed record LoadTimeResult(
    string Model,
    IReadOnlyList<LoadMeasurement> Cold,
    IReadOnlyList<LoadMeasurement> Cached,
    IReadOnlyList<LoadMeasurement> OnnxOnly,
    long LoweredBytes,
    string? Problem)
{
    public static double Median(IReadOnlyList<LoadMeasurement> runs, Func<LoadMeasurement, double> value)
    {
        if (runs.Count == 0)
        {
            return double.NaN;
        }
        var sorted = runs.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
