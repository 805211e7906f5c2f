using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Execution;

public sealed class DataTypeIdentityTests
{
    // Guards the CLR's array covariance trap: a ulong[] also matches a long[] pattern, so inputs must be passed to
    // ONNX Runtime by their declared dtype.
    [FixtureFact]
    public void Every_numeric_dtype_passes_through_unchanged()
    {
        using var model = TensorFlowModel.Load(FixturePaths.Model("mlnet_dtypes_identity"));
        var inputs = new Dictionary<string, Tensor>
        {
            ["f64"] = new(TensorDataType.Float64, [2, 2], new[] { -1.0, 2.0, -3.0, 4.0 }),
            ["f32"] = new(TensorDataType.Float32, [2, 2], new[] { -1f, 2f, -3f, 4f }),
            ["i64"] = new(TensorDataType.Int64, [2, 2], new[] { -1L, 2L, -3L, 4L }),
            ["i32"] = new(TensorDataType.Int32, [2, 2], new[] { -1, 2, -3, 4 }),
            ["i16"] = new(TensorDataType.Int16, [2, 2], new short[] { -1, 2, -3, 4 }),
            ["i8"] = new(TensorDataType.Int8, [2, 2], new sbyte[] { -1, 2, -3, 4 }),
            ["u64"] = new(TensorDataType.UInt64, [2, 2], new ulong[] { 1, 2, 3, 4 }),
            ["b"] = new(TensorDataType.Bool, [2, 2], new[] { true, true, false, false }),
            // The exporter pointed u8/u16/u32 at the signed placeholders, so they are int8/16/32 inputs.
            ["u8"] = new(TensorDataType.Int8, [2, 2], new sbyte[] { 1, 2, 3, 4 }),
            ["u16"] = new(TensorDataType.Int16, [2, 2], new short[] { 1, 2, 3, 4 }),
            ["u32"] = new(TensorDataType.Int32, [2, 2], new[] { 1, 2, 3, 4 }),
        };
        var outputs = model.Run(inputs);
        foreach (var key in new[] { "f64", "f32", "i64", "i32", "i16", "i8", "u64", "b" })
        {
            TensorAssert.Equal(inputs[key], outputs["o_" + key], exact: true, what: key);
        }
    }

    [FixtureFact]
    public void Signature_keys_that_share_a_tensor_read_the_same_value()
    {
        using var model = TensorFlowModel.Load(FixturePaths.Model("mlnet_dtypes_identity"));
        Assert.Equal(TensorDataType.Int8, model.Signature.Outputs.Single(o => o.Name == "o_u8").DataType);
        Assert.Equal(TensorDataType.UInt64, model.Signature.Inputs.Single(i => i.Name == "u64").DataType);
    }
}
