using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Writing;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Cli.Tests.Support;

/// <summary>Small SavedModels and ONNX models written by the project's own writers, so the tests need no fixtures (more in <see cref="Cortex.Queue.Runtime.Tests.Support.TestSavedModels"/>).</summary>
public static class TestModels
{
    /// <summary>Two signatures over one graph, so one must be chosen: "double" (x * 2) and "negate" (-x), both int32 [?].</summary>
    public static void WriteTwoSignatures(string directory)
    {
        var writer = new SavedModelWriter();
        writer.Graph.Placeholder("x", DataType.DtInt32, [-1]);
        writer.Graph.Constant("two", new Tensor(TensorDataType.Int32, [], new[] { 2 }));
        writer.Graph.Op("Mul", "doubled", DataType.DtInt32, "x", "two");
        writer.Graph.Op("Neg", "negated", DataType.DtInt32, "x");
        writer.AddSignature("double", [new SignatureTensor("x", "x:0", DataType.DtInt32, [-1])], [new SignatureTensor("y", "doubled:0", DataType.DtInt32, [-1])]);
        writer.AddSignature("negate", [new SignatureTensor("x", "x:0", DataType.DtInt32, [-1])], [new SignatureTensor("y", "negated:0", DataType.DtInt32, [-1])]);
        writer.Write(directory);
    }

    /// <summary>A SavedModel whose only op Cortex cannot lower: MatrixInverse on x float32 [?, 2, 2].</summary>
    public static void WriteUnsupported(string directory)
    {
        var writer = new SavedModelWriter();
        writer.Graph.Placeholder("x", DataType.DtFloat, [-1, 2, 2]);
        writer.Graph.Op("MatrixInverse", "inverse", DataType.DtFloat, "x");
        writer.AddSignature(
            "serving_default",
            [new SignatureTensor("x", "x:0", DataType.DtFloat, [-1, 2, 2])],
            [new SignatureTensor("y", "inverse:0", DataType.DtFloat, [-1, 2, 2])]);
        writer.Write(directory);
    }

    /// <summary>An ONNX model: y = x * 2 + 1 on x float32 [?, 3].</summary>
    public static byte[] Affine()
    {
        var builder = new OnnxGraphBuilder(13, "affine");
        var x = builder.AddInput("x", TensorDataType.Float32, [-1, 3]);
        var scaled = builder.AddOperation("Mul", [x, builder.AddConstant("scale", new Tensor(TensorDataType.Float32, [], new[] { 2f }))]);
        builder.AddNode("Add", [scaled, builder.AddConstant("offset", new Tensor(TensorDataType.Float32, [], new[] { 1f }))], ["y"]);
        builder.AddOutput("y", TensorDataType.Float32, [-1, 3]);
        return builder.ToBytes();
    }
}
