using System.Runtime.InteropServices;
using Cortex.Queue.Tensors;
using Microsoft.ML.OnnxRuntime;
using TensorElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace Cortex.Queue.Runtime.Execution;

/// <summary>
/// The <see cref="OrtValue"/>s of one run. Numeric tensors are wrapped in place (their arrays pinned, not copied);
/// disposing releases the values and the pins together once the run is over.
/// </summary>
internal sealed class OrtInputs : IDisposable
{
    private readonly List<string> _names = [];
    private readonly List<OrtValue> _values = [];
    private readonly List<GCHandle> _pins = [];

    public IReadOnlyCollection<string> Names => _names;

    public IReadOnlyCollection<OrtValue> Values => _values;

    public void Add(string name, Tensor tensor)
    {
        _values.Add(Wrap(tensor));
        _names.Add(name);
    }

    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }
        foreach (var pin in _pins)
        {
            pin.Free();
        }
        _values.Clear();
        _pins.Clear();
    }

    // Switch on the declared dtype, not the array's runtime type: the CLR lets a ulong[] match a long[] pattern
    // (and uint/int, ushort/short, byte/sbyte), which would hand ONNX Runtime the wrong element type.
    private OrtValue Wrap(Tensor tensor) => tensor.DataType switch
    {
        TensorDataType.Float32 => OrtValue.CreateTensorValueFromMemory((float[])tensor.Data, tensor.Shape),
        TensorDataType.Float64 => OrtValue.CreateTensorValueFromMemory((double[])tensor.Data, tensor.Shape),
        TensorDataType.Int8 => OrtValue.CreateTensorValueFromMemory((sbyte[])tensor.Data, tensor.Shape),
        TensorDataType.Int16 => OrtValue.CreateTensorValueFromMemory((short[])tensor.Data, tensor.Shape),
        TensorDataType.Int32 => OrtValue.CreateTensorValueFromMemory((int[])tensor.Data, tensor.Shape),
        TensorDataType.Int64 => OrtValue.CreateTensorValueFromMemory((long[])tensor.Data, tensor.Shape),
        TensorDataType.UInt8 => OrtValue.CreateTensorValueFromMemory((byte[])tensor.Data, tensor.Shape),
        TensorDataType.UInt16 => OrtValue.CreateTensorValueFromMemory((ushort[])tensor.Data, tensor.Shape),
        TensorDataType.UInt32 => OrtValue.CreateTensorValueFromMemory((uint[])tensor.Data, tensor.Shape),
        TensorDataType.UInt64 => OrtValue.CreateTensorValueFromMemory((ulong[])tensor.Data, tensor.Shape),
        TensorDataType.Bool => OrtValue.CreateTensorValueFromMemory((bool[])tensor.Data, tensor.Shape),
        // ONNX Runtime's typed wrapper knows its own Float16/BFloat16 structs, not ours; the bits are the same.
        TensorDataType.Float16 => Pinned(tensor.Data, TensorElementType.Float16, tensor.Shape, 2),
        TensorDataType.BFloat16 => Pinned(tensor.Data, TensorElementType.BFloat16, tensor.Shape, 2),
        TensorDataType.String when tensor.Data is string[] text => Strings(text, tensor.Shape),
        _ => throw new ArgumentException($"cannot pass {tensor.DataType.ToWireName()} data held as {tensor.Data.GetType().Name} to ONNX Runtime"),
    };

    private OrtValue Pinned(Array data, TensorElementType elementType, long[] shape, int elementSize)
    {
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            var value = OrtValue.CreateTensorValueWithData(
                OrtMemoryInfo.DefaultInstance, elementType, shape, pin.AddrOfPinnedObject(), (long)data.Length * elementSize);
            _pins.Add(pin);
            return value;
        }
        catch
        {
            pin.Free();
            throw;
        }
    }

    private static OrtValue Strings(string[] data, long[] shape)
    {
        // Strings cannot be shared with native code in place: ONNX Runtime keeps its own UTF-8 copies.
        var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        for (var i = 0; i < data.Length; i++)
        {
            value.StringTensorSetElementAt((data[i] ?? string.Empty).AsSpan(), i);
        }
        return value;
    }
}
