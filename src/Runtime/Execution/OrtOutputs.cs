using System.Runtime.InteropServices;
using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.Tensors;
using Microsoft.ML.OnnxRuntime;
using TensorElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace Cortex.Queue.Runtime.Execution;

/// <summary>Copies ONNX Runtime's output values into managed tensors that outlive the run.</summary>
internal static class OrtOutputs
{
    public static Tensor ToTensor(string name, OrtValue value)
    {
        if (!value.IsTensor)
        {
            throw new InvalidOperationException($"output '{name}' is a {value.OnnxType}, not a tensor");
        }
        var info = value.GetTensorTypeAndShape();
        var elementType = info.ElementDataType;
        if (!OnnxDataTypes.TryFromOnnx((int)elementType, out var dataType))
        {
            throw new InvalidOperationException($"output '{name}' has element type {elementType}, which Cortex cannot return");
        }
        Array data = elementType switch
        {
            TensorElementType.Float => value.GetTensorDataAsSpan<float>().ToArray(),
            TensorElementType.Double => value.GetTensorDataAsSpan<double>().ToArray(),
            TensorElementType.Int8 => value.GetTensorDataAsSpan<sbyte>().ToArray(),
            TensorElementType.Int16 => value.GetTensorDataAsSpan<short>().ToArray(),
            TensorElementType.Int32 => value.GetTensorDataAsSpan<int>().ToArray(),
            TensorElementType.Int64 => value.GetTensorDataAsSpan<long>().ToArray(),
            TensorElementType.UInt8 => value.GetTensorDataAsSpan<byte>().ToArray(),
            TensorElementType.UInt16 => value.GetTensorDataAsSpan<ushort>().ToArray(),
            TensorElementType.UInt32 => value.GetTensorDataAsSpan<uint>().ToArray(),
            TensorElementType.UInt64 => value.GetTensorDataAsSpan<ulong>().ToArray(),
            TensorElementType.Bool => value.GetTensorDataAsSpan<bool>().ToArray(),
            TensorElementType.Float16 => MemoryMarshal.Cast<Float16, Half>(value.GetTensorDataAsSpan<Float16>()).ToArray(),
            TensorElementType.BFloat16 => MemoryMarshal.Cast<BFloat16, Cortex.Queue.Tensors.BrainFloat16>(value.GetTensorDataAsSpan<BFloat16>()).ToArray(),
            TensorElementType.String => value.GetStringTensorAsArray(),
            _ => throw new InvalidOperationException($"output '{name}' has element type {elementType}, which Cortex cannot return"),
        };
        return new Tensor(dataType, info.Shape, data);
    }
}
