using System.Text.Json;

namespace Cortex.Queue.Tensors;

internal readonly struct Float32Converter : IJsonScalarConverter<float>
{
    public static bool TryConvert(JsonElement element, out float value, out ConversionFailure failure)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            // Parsing straight to float avoids the double rounding of text -> double -> float.
            if (element.TryGetSingle(out value) && float.IsFinite(value))
            {
                failure = ConversionFailure.None;
                return true;
            }
            failure = ConversionFailure.OutOfRange;
            return false;
        }
        if (element.ValueKind == JsonValueKind.String && NonFiniteNumberText.TryRead(element, out var special))
        {
            value = (float)special;
            failure = ConversionFailure.None;
            return true;
        }
        value = 0;
        failure = ConversionFailure.WrongKind;
        return false;
    }
}
