using System.Text.Json;

namespace Cortex.Queue.Tensors;

internal readonly struct BooleanFormatter : IJsonScalarFormatter<bool>
{
    public static void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);
}
