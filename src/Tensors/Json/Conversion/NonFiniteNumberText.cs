using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>
/// JSON has no NaN or infinity, so they travel as the strings "NaN", "Infinity" and "-Infinity"
/// (the spelling .NET, JavaScript and TF Serving use); the writer emits them and the reader accepts them back.
/// </summary>
internal static class NonFiniteNumberText
{
    public static readonly JsonEncodedText NaN = JsonEncodedText.Encode("NaN");
    public static readonly JsonEncodedText PositiveInfinity = JsonEncodedText.Encode("Infinity");
    public static readonly JsonEncodedText NegativeInfinity = JsonEncodedText.Encode("-Infinity");

    public static bool TryRead(JsonElement element, out double value)
    {
        if (element.ValueEquals(NaN.EncodedUtf8Bytes))
        {
            value = double.NaN;
            return true;
        }
        if (element.ValueEquals(PositiveInfinity.EncodedUtf8Bytes))
        {
            value = double.PositiveInfinity;
            return true;
        }
        if (element.ValueEquals(NegativeInfinity.EncodedUtf8Bytes))
        {
            value = double.NegativeInfinity;
            return true;
        }
        value = 0;
        return false;
    }

    public static void Write(Utf8JsonWriter writer, double nonFinite)
    {
        if (double.IsNaN(nonFinite))
        {
            writer.WriteStringValue(NaN);
        }
        else
        {
            writer.WriteStringValue(nonFinite > 0 ? PositiveInfinity : NegativeInfinity);
        }
    }
}
