using System.Globalization;
using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>
/// The fewest significant digits that read back as the same bfloat16 (its 8-bit precision makes "0.1" enough
/// where the float32 text would be "0.10009766").
/// </summary>
internal readonly struct BrainFloat16Formatter : IJsonScalarFormatter<BrainFloat16>
{
    private static readonly string[] PrecisionFormats = ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9"];

    public static void Write(Utf8JsonWriter writer, BrainFloat16 value)
    {
        var single = (float)value;
        if (!float.IsFinite(single))
        {
            NonFiniteNumberText.Write(writer, single);
            return;
        }
        Span<byte> text = stackalloc byte[32];
        var written = 0;
        foreach (var format in PrecisionFormats)
        {
            single.TryFormat(text, out written, format, CultureInfo.InvariantCulture);
            if (float.TryParse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                && (BrainFloat16)parsed == value)
            {
                break;
            }
        }
        writer.WriteRawValue(text[..written], skipInputValidation: true);
    }
}
