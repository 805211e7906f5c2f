using Cortex.Queue.Runtime.Onnx.Protos;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Onnx;

/// <summary>
/// Maps Cortex element types to ONNX <c>TensorProto.DataType</c> codes and back. ONNX Runtime's
/// <c>TensorElementType</c> uses the same numbers, so the execution side maps through here too.
/// </summary>
public static class OnnxDataTypes
{
    public static TensorProto.Types.DataType ToOnnx(TensorDataType type) => type switch
    {
        TensorDataType.Float32 => TensorProto.Types.DataType.Float,
        TensorDataType.Float64 => TensorProto.Types.DataType.Double,
        TensorDataType.Float16 => TensorProto.Types.DataType.Float16,
        TensorDataType.BFloat16 => TensorProto.Types.DataType.Bfloat16,
        TensorDataType.Int8 => TensorProto.Types.DataType.Int8,
        TensorDataType.Int16 => TensorProto.Types.DataType.Int16,
        TensorDataType.Int32 => TensorProto.Types.DataType.Int32,
        TensorDataType.Int64 => TensorProto.Types.DataType.Int64,
        TensorDataType.UInt8 => TensorProto.Types.DataType.Uint8,
        TensorDataType.UInt16 => TensorProto.Types.DataType.Uint16,
        TensorDataType.UInt32 => TensorProto.Types.DataType.Uint32,
        TensorDataType.UInt64 => TensorProto.Types.DataType.Uint64,
        TensorDataType.Bool => TensorProto.Types.DataType.Bool,
        TensorDataType.String => TensorProto.Types.DataType.String,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no ONNX element type for this Cortex type"),
    };

    /// <summary>Reads an ONNX element type code; false for types Cortex has no equivalent of (complex numbers, float8, int4...).</summary>
    public static bool TryFromOnnx(int onnxElementType, out TensorDataType type)
    {
        TensorDataType? mapped = (TensorProto.Types.DataType)onnxElementType switch
        {
            TensorProto.Types.DataType.Float => TensorDataType.Float32,
            TensorProto.Types.DataType.Double => TensorDataType.Float64,
            TensorProto.Types.DataType.Float16 => TensorDataType.Float16,
            TensorProto.Types.DataType.Bfloat16 => TensorDataType.BFloat16,
            TensorProto.Types.DataType.Int8 => TensorDataType.Int8,
            TensorProto.Types.DataType.Int16 => TensorDataType.Int16,
            TensorProto.Types.DataType.Int32 => TensorDataType.Int32,
            TensorProto.Types.DataType.Int64 => TensorDataType.Int64,
            TensorProto.Types.DataType.Uint8 => TensorDataType.UInt8,
            TensorProto.Types.DataType.Uint16 => TensorDataType.UInt16,
            TensorProto.Types.DataType.Uint32 => TensorDataType.UInt32,
            TensorProto.Types.DataType.Uint64 => TensorDataType.UInt64,
            TensorProto.Types.DataType.Bool => TensorDataType.Bool,
            TensorProto.Types.DataType.String => TensorDataType.String,
            _ => null,
        };
        type = mapped.GetValueOrDefault();
        return mapped.HasValue;
    }
}
