using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests.Support;

/// <summary>Small ONNX models written by <see cref="OnnxGraphBuilder"/>, so tests need no fixtures.</summary>
public static class TestModels
{
    /// <summary>y = x * <paramref name="scale"/> + <paramref name="offset"/> on x float32 [?, 3].</summary>
    public static byte[] Affine(float scale = 2, float offset = 1)
    {
        var builder = new OnnxGraphBuilder(13, "affine");
        var x = builder.AddInput("x", TensorDataType.Float32, [-1, 3]);
        var scaleName = builder.AddConstant("scale", Scalar(scale));
        var offsetName = builder.AddConstant("offset", Scalar(offset));
        var scaled = builder.AddOperation("Mul", [x, scaleName]);
        builder.AddNode("Add", [scaled, offsetName], ["y"]);
        builder.AddOutput("y", TensorDataType.Float32, [-1, 3]);
        return builder.ToBytes();
    }

    /// <summary>
    /// Sums an image-like input over its last two axes: <c>pixels</c> float32 [?, 2, ?, ?] to <c>totals</c> [?, 2],
    /// plus a passthrough int64 <c>ids</c> [?]. Every dimension but the channels is dynamic.
    /// </summary>
    public static byte[] DynamicSpatialSum()
    {
        var builder = new OnnxGraphBuilder(13, "dynamic_sum");
        var pixels = builder.AddInput("pixels", TensorDataType.Float32, [-1, 2, -1, -1]);
        var ids = builder.AddInput("ids", TensorDataType.Int64, [-1]);
        builder.AddNode("ReduceSum", [pixels, builder.AddConstant("axes", new Tensor(TensorDataType.Int64, [2], new long[] { 2, 3 }))],
            ["totals"], OnnxAttribute.Int("keepdims", 0));
        builder.AddNode("Identity", [ids], ["ids_out"]);
        builder.AddOutput("totals", TensorDataType.Float32, [-1, 2]);
        builder.AddOutput("ids_out", TensorDataType.Int64, [-1]);
        return builder.ToBytes();
    }

    /// <summary>A 3x3 convolution without padding on <c>image</c> float32 [?, 1, ?, ?]: needs images of at least 3x3.</summary>
    public static byte[] UnpaddedConvolution()
    {
        var builder = new OnnxGraphBuilder(13, "convolution");
        var image = builder.AddInput("image", TensorDataType.Float32, [-1, 1, -1, -1]);
        var kernel = builder.AddConstant("kernel", new Tensor(TensorDataType.Float32, [1, 1, 3, 3], Enumerable.Repeat(1f / 9, 9).ToArray()));
        builder.AddNode("Conv", [image, kernel], ["blurred"], OnnxAttribute.Ints("kernel_shape", [3, 3]));
        builder.AddOutput("blurred", TensorDataType.Float32, [-1, 1, -1, -1]);
        return builder.ToBytes();
    }

    private static Tensor Scalar(float value) => new(TensorDataType.Float32, [], new[] { value });
}
