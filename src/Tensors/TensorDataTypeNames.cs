namespace Cortex.Queue.Tensors;

/// <summary>Wire names of <see cref="TensorDataType"/> ("float32", "int64", ...), as Cortex and TF Serving print them.</summary>
public static class TensorDataTypeNames
{
    public static string ToWireName(this TensorDataType type) => type switch
    {
        TensorDataType.Float32 => "float32",
        TensorDataType.Float64 => "float64",
        TensorDataType.Float16 => "float16",
        TensorDataType.BFloat16 => "bfloat16",
        TensorDataType.Int8 => "int8",
        TensorDataType.Int16 => "int16",
        TensorDataType.Int32 => "int32",
        TensorDataType.Int64 => "int64",
        TensorDataType.UInt8 => "uint8",
        TensorDataType.UInt16 => "uint16",
        TensorDataType.UInt32 => "uint32",
        TensorDataType.UInt64 => "uint64",
        TensorDataType.Bool => "bool",
        TensorDataType.String => "string",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string name, out TensorDataType type)
    {
        foreach (var candidate in Enum.GetValues<TensorDataType>())
        {
            if (string.Equals(candidate.ToWireName(), name, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    public static bool IsFloatingPoint(this TensorDataType type) =>
        type is TensorDataType.Float32 or TensorDataType.Float64 or TensorDataType.Float16 or TensorDataType.BFloat16;

    public static bool IsInteger(this TensorDataType type) =>
        type is TensorDataType.Int8 or TensorDataType.Int16 or TensorDataType.Int32 or TensorDataType.Int64
            or TensorDataType.UInt8 or TensorDataType.UInt16 or TensorDataType.UInt32 or TensorDataType.UInt64;
}
