using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>Shortest text that reads back as the same float32 ("0.1", not "0.100000001").</summary>
internal readonly struct Float32Formatter : IJsonScalarFormatter<float>
{
    public static void Write(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            NonFiniteNumberText.Write(writer, value);
        }
    }
}
