using System.Diagnostics;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime;

/// <summary>
/// Runs a freshly loaded model once on zeros, so the first real request does not pay for ONNX Runtime's lazy
/// allocations and kernel selection.
/// </summary>
public static class ModelWarmup
{
    /// <summary>
    /// Feeds every input a zero tensor: a dynamic first axis gets <paramref name="batchSize"/>, other dynamic axes 1.
    /// Models with string inputs are not run. Returns how long the run took. Throws <see cref="ModelLoadException"/> when the model cannot run on such input.
    /// </summary>
    public static TimeSpan Run(IModel model, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (model.Signature.Inputs.Any(spec => spec.DataType == TensorDataType.String))
        {
            // Empty strings are not a meaningful input (a serialized tf.Example without its features fails to
            // parse); such models warm up on their first real request instead.
            return TimeSpan.Zero;
        }

        var inputs = model.Signature.Inputs.ToDictionary(
            spec => spec.Name,
            spec => TensorArrays.Zeros(spec.DataType, WarmupShape(spec, batchSize)));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            model.Run(inputs);
        }
        catch (Exception ex) when (ex is not ModelLoadException)
        {
            var shapes = string.Join(", ", inputs.Select(i => $"{i.Key} [{string.Join(", ", i.Value.Shape)}]"));
            throw new ModelLoadException($"warm-up of {model.Description} failed on zero inputs ({shapes}): {ex.Message}", ex);
        }
        return stopwatch.Elapsed;
    }

    private static long[] WarmupShape(TensorSpec spec, int batchSize) =>
        spec.Shape.Select((size, axis) => size switch
        {
            TensorSpec.DynamicDimension when axis == 0 => batchSize,
            TensorSpec.DynamicDimension => 1,
            _ => size,
        }).ToArray();
}
