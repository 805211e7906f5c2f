using System.Globalization;
using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>
/// Formats the Half itself, not its float widening, so the text is the shortest one for float16
/// (0.1 rather than 0.099975586).
/// </summary>
internal readonly struct Float16Formatter : IJsonScalarFormatter<Half>
{
    public static void Write(Utf8JsonWriter writer, Half value)
    {
        if (!Half.IsFinite(value))
        {
            NonFiniteNumberText.Write(writer, (double)value);
            return;
        }
        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        // Invariant number text ("6E-05", "-0.5") is already valid JSON.
        writer.WriteRawValue(text[..written], skipInputValidation: true);
    }
}
