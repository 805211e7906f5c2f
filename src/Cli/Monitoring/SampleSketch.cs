using System.Text;
using System.Text.Json;

namespace Cortex.Queue.Cli.Monitoring;

/// <summary>
/// A sample of zeros that fits a signature, so the printed curl line works when pasted as is. Large inputs
/// (images) would make an unreadable line, so those get none and the user writes a sample file instead.
/// </summary>
public static class SampleSketch
{
    private const int MostValuesInline = 32;

    public static string? FromSignature(IReadOnlyList<SignatureInput>? inputs)
    {
        if (inputs is null || inputs.Count == 0)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var input in inputs)
            {
                // The first dimension is the batch: one sample is one instance, a value of rank - 1.
                var instance = input.Shape.Skip(1).Select(dim => dim < 0 ? 1 : dim).ToArray();
                if (instance.Aggregate(1L, (product, dim) => product * dim) > MostValuesInline)
                {
                    return null;
                }
                writer.WritePropertyName(input.Name);
                WriteZeros(writer, input.Type, instance, 0);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteZeros(Utf8JsonWriter writer, string type, long[] shape, int axis)
    {
        if (axis == shape.Length)
        {
            switch (type)
            {
                case "string":
                    writer.WriteStringValue("");
                    break;
                case "bool":
                    writer.WriteBooleanValue(false);
                    break;
                default:
                    writer.WriteNumberValue(0);
                    break;
            }
            return;
        }
        writer.WriteStartArray();
        for (var index = 0; index < shape[axis]; index++)
        {
            WriteZeros(writer, type, shape, axis + 1);
        }
        writer.WriteEndArray();
    }
}
