using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>Byte strings go out the way they may come in: <c>{"b64": "..."}</c> (TF Serving's convention).</summary>
internal readonly struct ByteStringFormatter : IJsonScalarFormatter<byte[]>
{
    private static readonly JsonEncodedText Base64PropertyName = JsonEncodedText.Encode("b64");

    public static void Write(Utf8JsonWriter writer, byte[] value)
    {
        writer.WriteStartObject();
        writer.WriteBase64String(Base64PropertyName, value);
        writer.WriteEndObject();
    }
}
