namespace Cortex.Queue.Tensors;

/// <summary>Element types a model input or output can have; names follow TensorFlow/NumPy spelling on the wire.</summary>
public enum TensorDataType
{
    Float32,
    Float64,
    Float16,
    BFloat16,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Bool,
    String,
}
