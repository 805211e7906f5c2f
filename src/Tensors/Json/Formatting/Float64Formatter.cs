using System.Text.Json;

namespace Cortex.Queue.Tensors;

internal readonly struct Float64Formatter : IJsonScalarFormatter<double>
{
    public static void Write(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            NonFiniteNumberText.Write(writer, value);
        }
    }
}
