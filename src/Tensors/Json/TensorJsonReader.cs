using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>Reads a whole tensor (batch axis included) from nested JSON lists, e.g. for <c>cortex model run</c>.</summary>
public static class TensorJsonReader
{
    /// <summary>
    /// The value's nesting must equal the spec's rank (a scalar for rank 0); fixed dimensions must match and lists
    /// must be rectangular. Accepts what <see cref="TensorJsonWriter"/> writes, including "NaN"/"Infinity" strings
    /// and <c>{"b64": ...}</c> byte strings. Throws <see cref="SampleException"/>.
    /// </summary>
    public static Tensor Read(JsonElement value, TensorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return NestedListDecoder.Decode(value, spec, sampleMode: false, materialize: true, out _, out _)!;
    }
}
