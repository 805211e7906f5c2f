using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Values;

/// <summary>Maps TensorFlow's on-disk element types to Cortex tensor types.</summary>
public static class TensorFlowDataTypes
{
    private const int ReferenceOffset = 100;

    /// <summary>Strips the TF1 "_REF" marker (a VariableV2 output is DT_FLOAT_REF; what a client sees is DT_FLOAT).</summary>
    public static DataType WithoutReference(this DataType type) =>
        (int)type > ReferenceOffset ? (DataType)((int)type - ReferenceOffset) : type;

    public static bool TryToTensorDataType(DataType type, out TensorDataType result)
    {
        TensorDataType? mapped = type.WithoutReference() switch
        {
            DataType.DtFloat => TensorDataType.Float32,
            DataType.DtDouble => TensorDataType.Float64,
            DataType.DtHalf => TensorDataType.Float16,
            DataType.DtBfloat16 => TensorDataType.BFloat16,
            DataType.DtInt8 => TensorDataType.Int8,
            DataType.DtInt16 => TensorDataType.Int16,
            DataType.DtInt32 => TensorDataType.Int32,
            DataType.DtInt64 => TensorDataType.Int64,
            DataType.DtUint8 => TensorDataType.UInt8,
            DataType.DtUint16 => TensorDataType.UInt16,
            DataType.DtUint32 => TensorDataType.UInt32,
            DataType.DtUint64 => TensorDataType.UInt64,
            DataType.DtBool => TensorDataType.Bool,
            DataType.DtString => TensorDataType.String,
            _ => null,
        };
        result = mapped ?? default;
        return mapped.HasValue;
    }

    public static TensorDataType ToTensorDataType(DataType type) =>
        TryToTensorDataType(type, out var result)
            ? result
            : throw new NotSupportedException($"TensorFlow dtype {Name(type)} has no Cortex tensor type");

    public static DataType ToTensorFlow(TensorDataType type) => type switch
    {
        TensorDataType.Float32 => DataType.DtFloat,
        TensorDataType.Float64 => DataType.DtDouble,
        TensorDataType.Float16 => DataType.DtHalf,
        TensorDataType.BFloat16 => DataType.DtBfloat16,
        TensorDataType.Int8 => DataType.DtInt8,
        TensorDataType.Int16 => DataType.DtInt16,
        TensorDataType.Int32 => DataType.DtInt32,
        TensorDataType.Int64 => DataType.DtInt64,
        TensorDataType.UInt8 => DataType.DtUint8,
        TensorDataType.UInt16 => DataType.DtUint16,
        TensorDataType.UInt32 => DataType.DtUint32,
        TensorDataType.UInt64 => DataType.DtUint64,
        TensorDataType.Bool => DataType.DtBool,
        TensorDataType.String => DataType.DtString,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>TensorFlow's own spelling ("DT_FLOAT"), for messages a TensorFlow user recognises.</summary>
    public static string Name(DataType type)
    {
        var value = (int)type;
        var baseName = Enum.IsDefined(type.WithoutReference())
            ? "DT_" + type.WithoutReference().ToString()["Dt".Length..].ToUpperInvariant()
            : $"DT_<{value}>";
        return value > ReferenceOffset ? baseName + "_REF" : baseName;
    }

    /// <summary>Bytes per element in raw little-endian form; 0 for strings (variable length).</summary>
    public static int ElementSize(TensorDataType type) => type switch
    {
        TensorDataType.Float64 or TensorDataType.Int64 or TensorDataType.UInt64 => 8,
        TensorDataType.Float32 or TensorDataType.Int32 or TensorDataType.UInt32 => 4,
        TensorDataType.Float16 or TensorDataType.BFloat16 or TensorDataType.Int16 or TensorDataType.UInt16 => 2,
        TensorDataType.Int8 or TensorDataType.UInt8 or TensorDataType.Bool => 1,
        TensorDataType.String => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
