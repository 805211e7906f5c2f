using System.Text.Json;

namespace Cortex.Queue.Tensors;

internal readonly struct TextFormatter : IJsonScalarFormatter<string>
{
    public static void Write(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);
}
