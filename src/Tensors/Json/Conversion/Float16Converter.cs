using System.Text.Json;

namespace Cortex.Queue.Tensors;

internal readonly struct Float16Converter : IJsonScalarConverter<Half>
{
    public static bool TryConvert(JsonElement element, out Half value, out ConversionFailure failure)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetDouble(out var wide))
            {
                value = (Half)wide;
                if (Half.IsFinite(value))
                {
                    failure = ConversionFailure.None;
                    return true;
                }
            }
            value = default;
            failure = ConversionFailure.OutOfRange;
            return false;
        }
        if (element.ValueKind == JsonValueKind.String && NonFiniteNumberText.TryRead(element, out var special))
        {
            value = (Half)special;
            failure = ConversionFailure.None;
            return true;
        }
        value = default;
        failure = ConversionFailure.WrongKind;
        return false;
    }
}
