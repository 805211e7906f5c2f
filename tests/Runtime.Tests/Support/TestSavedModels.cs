using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Writing;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests.Support;

/// <summary>TensorFlow SavedModels written by <see cref="SavedModelWriter"/>, so source tests need no fixtures.</summary>
public static class TestSavedModels
{
    /// <summary>
    /// TF Serving's half_plus_two shape with variables: y = a * x + b on x float32 [?, 1], signature "serving_default".
    /// </summary>
    public static void WriteScaleAndShift(string directory, float a = 0.5f, float b = 2f)
    {
        var writer = new SavedModelWriter();
        var x = writer.Graph.Placeholder("x", DataType.DtFloat, [-1, 1]);
        var scale = writer.Variable("a", new Tensor(TensorDataType.Float32, [], new[] { a }));
        var shift = writer.Variable("b", new Tensor(TensorDataType.Float32, [], new[] { b }));
        writer.Graph.Op("Mul", "scaled", DataType.DtFloat, x, scale);
        writer.Graph.Op("AddV2", "y", DataType.DtFloat, "scaled", shift);
        writer.AddSignature(
            "serving_default",
            [new SignatureTensor("x", "x:0", DataType.DtFloat, [-1, 1])],
            [new SignatureTensor("y", "y:0", DataType.DtFloat, [-1, 1])]);
        writer.Write(directory);
    }
}
