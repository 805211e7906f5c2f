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

    private OrtValue Wrap(Tensor tensor) => tensor.Data switch
    {
        float[] a => OrtValue.CreateTensorValueFromMemory(a, tensor.Shape),
        double[] a => OrtValue.CreateTensorValueFromMemory(a, tensor.Shape),
        sbyte[] a => OrtValue.CreateTensorValueFromMemory(a, tensor.Shape),
        short[] a => OrtValue.CreateTensorValueFromMemory(a, tensor.Shape),
        int[] a => OrtValue.CreateTensorValueFromMemory(a, tensor.Shape),
        long[] a => OrtValue.CreateTensorValueFromMemory(a, tensor.Shape),
        byte[] a => OrtValue.CreateTensorValueFromMemory(a, tensor.Shape),
        ushort[] a when tensor.DataType == TensorDataType.BFloat16 => Pinned(a, TensorElementType.BFloat16, tensor.Shape, sizeof(ushort)),
        ushort[] a => OrtValue.CreateTensorValueFromMemory(a, tensor.Shape),
        uint[] a => OrtValue.CreateTensorValueFromMemory(a, tensor.Shape),
        ulong[] a => OrtValue.CreateTensorValueFromMemory(a, tensor.Shape),
        bool[] a => OrtValue.CreateTensorValueFromMemory(a, tensor.Shape),
        // ONNX Runtime's typed wrapper knows its own Float16 struct, not System.Half; the bits are the same.
        Half[] a => Pinned(a, TensorElementType.Float16, tensor.Shape, 2),
        string[] a => Strings(a, tensor.Shape),
        _ => throw new ArgumentException($"cannot pass {tensor.Data.GetType().Name} data to ONNX Runtime"),
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
